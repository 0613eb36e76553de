// Package gorm is a stub of gorm.io/gorm for lifelint fixtures.
package gorm

type Dialector interface{ Name() string }
type Option interface{}
type Config struct{}
type DB struct{}

func Open(dialector Dialector, opts ...Option) (*DB, error) { return &DB{}, nil }
