// Package consumers shows message and tick loops: each iteration is a unit
// of work, like a request.
package consumers

import (
	"context"
	"database/sql"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

type Consumer struct{ db *sql.DB }

func (c *Consumer) Consume(deliveries <-chan amqp.Delivery) { // want Consume:`blocks: time.Sleep`
	time.Sleep(time.Second) // silent: before the loop, once
	for d := range deliveries {
		_, _ = c.db.Exec("insert into events values ($1)", d.Body) // want `\(\*sql.DB\).Exec in per-message loop over amqp091 messages: it runs a statement that ignores the context`
		time.Sleep(10 * time.Millisecond)                          // want `time.Sleep in per-message loop over amqp091 messages`
	}
}

func (c *Consumer) Sweep(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = c.db.Exec("delete from events where old") // want `\(\*sql.DB\).Exec in per-tick loop`
			_, _ = c.db.ExecContext(ctx, "delete from events where old")
		}
	}
}
