// Package telebot is a stub of gopkg.in/telebot.v3 for lifelint fixtures.
package telebot

type Context interface {
	Send(what any, opts ...any) error
	Text() string
}

type HandlerFunc func(Context) error

type Bot struct{}

type Settings struct{ Token string }

func NewBot(pref Settings) (*Bot, error)                    { return &Bot{}, nil }
func (b *Bot) Handle(endpoint any, h HandlerFunc, m ...any) {}
func (b *Bot) Start()                                       {}
func (b *Bot) Stop()                                        {}
