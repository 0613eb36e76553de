// Package models is a stub of github.com/go-telegram/bot/models.
package models

type Update struct{ Message *Message }

type Message struct {
	Text string
	Chat Chat
}

type Chat struct{ ID int64 }
