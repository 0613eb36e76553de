package gorm

import (
	"context"
	"database/sql"
)

// Chain and finisher methods of gorm v2 used by handlerblock fixtures
// (signatures as in gorm.io/gorm v1.25).

func (db *DB) WithContext(ctx context.Context) *DB                             { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)           { return db }
func (db *DB) Model(value interface{}) (tx *DB)                                { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)           { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)            { return db }
func (db *DB) Create(value interface{}) (tx *DB)                               { return db }
func (db *DB) Updates(values interface{}) (tx *DB)                             { return db }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) error { return nil }
