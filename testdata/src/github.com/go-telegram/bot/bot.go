// Package bot is a stub of github.com/go-telegram/bot for lifelint fixtures.
package bot

import (
	"context"

	"github.com/go-telegram/bot/models"
)

type Bot struct{}

type HandlerFunc func(ctx context.Context, bot *Bot, update *models.Update)

type Option func(b *Bot)

func New(token string, options ...Option) (*Bot, error) { return &Bot{}, nil }
func WithDefaultHandler(h HandlerFunc) Option           { return nil }
func (b *Bot) Start(ctx context.Context)                {}

type SendMessageParams struct {
	ChatID any
	Text   string
}

func (b *Bot) SendMessage(ctx context.Context, p *SendMessageParams) (*models.Message, error) {
	return nil, nil
}
