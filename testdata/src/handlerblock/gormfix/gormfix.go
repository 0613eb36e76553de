// Package gormfix holds gorm queries without WithContext.
package gormfix

import (
	"context"
	"net/http"

	"gorm.io/gorm"
)

type User struct{ ID int }

type Handler struct{ db *gorm.DB }

var DB *gorm.DB

func (h *Handler) Show(w http.ResponseWriter, r *http.Request) {
	var u User
	h.db.First(&u, 1)                              // want `\(\*gorm.DB\).First in net/http handler \(\*Handler\).Show: it runs the query under context.Background, since the chain has no WithContext, so a cancelled request keeps waiting and shutdown waits for it; use h.db.WithContext\(ctx\)`
	h.db.Where("id = ?", 1).Find(&u)               // want `\(\*gorm.DB\).Find in`
	DB.Model(&u).Updates(map[string]any{"a": 1})   // want `\(\*gorm.DB\).Updates in`
	_ = h.db.Transaction(func(tx *gorm.DB) error { // want `\(\*gorm.DB\).Transaction in`
		tx.Create(&u) // silent: tx carries the transaction's context
		return nil
	})

	// Good: the request context is attached.
	h.db.WithContext(r.Context()).First(&u, 1)
	h.db.WithContext(r.Context()).Where("id = ?", 1).Find(&u)
	db := h.db.WithContext(r.Context())
	db.First(&u, 2)
}

// Silent: the handle is a parameter; its context is the caller's business.
func find(ctx context.Context, db *gorm.DB, u *User) {
	db.First(u)
}
