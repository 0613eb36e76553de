package consumers

import (
	"context"
	"time"

	"github.com/IBM/sarama"
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	amqp "github.com/rabbitmq/amqp091-go"
	kafka "github.com/segmentio/kafka-go"
)

func ConsumeDeliveries(deliveries <-chan amqp.Delivery) {
	for d := range deliveries { // want `per-message loop over amqp091 messages`
		handle(d)
	}
}

func handle(d amqp.Delivery) {} // want `handle, called from per-message loop over amqp091 messages`

type group struct{}

func (group) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (group) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (group) ConsumeClaim(s sarama.ConsumerGroupSession, c sarama.ConsumerGroupClaim) error { // want `sarama handler group.ConsumeClaim`
	return nil
}

func ReadLoop(ctx context.Context, r *kafka.Reader) error {
	for { // want `per-message loop over kafka-go messages`
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		_ = m
	}
}

func Updates(bot *tgbotapi.BotAPI) {
	updates := bot.GetUpdatesChan(tgbotapi.NewUpdate(0))
	for u := range updates { // want `per-message loop over tgbotapi messages`
		_ = u
	}
}

func Ticks(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C { // want `per-tick loop`
	}
}

func SelectLoop(ctx context.Context, deliveries <-chan amqp.Delivery) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C: // want `per-tick loop`
		case d := <-deliveries: // want `per-message loop over amqp091 messages`
			_ = d
		case <-time.After(time.Second): // a fresh timer, not a tick
		}
	}
}

// A one-shot select is not a loop.
func Once(ctx context.Context, t *time.Ticker) { // want `per-operation function Once`
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
