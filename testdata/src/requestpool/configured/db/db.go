// Package db is an in-house pool that lifelint does not know.
package db

type Pool struct{ size int }

func Open(dsn string) (*Pool, error) { return &Pool{}, nil }
