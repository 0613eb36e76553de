// Package tgbotapi is a stub of github.com/go-telegram-bot-api/telegram-bot-api/v5.
package tgbotapi

type Update struct{ Message *Message }

type Message struct{ Text string }

type UpdatesChannel <-chan Update

type UpdateConfig struct{ Timeout int }

type BotAPI struct{}

func NewBotAPI(token string) (*BotAPI, error)                  { return &BotAPI{}, nil }
func NewUpdate(offset int) UpdateConfig                        { return UpdateConfig{} }
func (b *BotAPI) GetUpdatesChan(c UpdateConfig) UpdatesChannel { return nil }
func (b *BotAPI) StopReceivingUpdates()                        {}
