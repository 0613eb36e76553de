// Package worker holds the shop's background work: the RabbitMQ order
// consumer and the periodic sweepers.
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	amqp "github.com/rabbitmq/amqp091-go"

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

// Order is the message the checkout publishes.
type Order struct {
	ID        int64 `json:"id"`
	ProductID int64 `json:"product_id"`
	Qty       int   `json:"qty"`
}

// Consumer reserves stock for the orders it receives.
type Consumer struct {
	ch   *amqp.Channel
	repo *store.Repo
	dsn  string
	url  string

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// NewConsumer wires a consumer to a channel opened at startup.
func NewConsumer(ch *amqp.Channel, repo *store.Repo, dsn, url string) *Consumer {
	return &Consumer{ch: ch, repo: repo, dsn: dsn, url: url}
}

// Start launches the consume loop. Close stops it and waits for it.
func (c *Consumer) Start(ctx context.Context) {
	ctx, c.cancel = context.WithCancel(ctx)
	// OK(unsupervisedgo): Add here, Done in the goroutine, Wait in Close.
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		if err := c.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			log.Printf("consumer: %v", err)
		}
	}()
}

// Close stops the consume loop and waits until it has returned.
func (c *Consumer) Close() {
	if c.cancel != nil {
		c.cancel()
	}
	c.wg.Wait()
}

// Run consumes the orders queue until ctx is done.
func (c *Consumer) Run(ctx context.Context) error {
	deliveries, err := c.ch.ConsumeWithContext(ctx, "orders", "shop", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range deliveries {
		var o Order
		if err := json.Unmarshal(d.Body, &o); err != nil {
			_ = d.Reject(false)
			continue
		}
		err := c.repo.Reserve(ctx, o.ID, o.ProductID, o.Qty)
		if err == context.Canceled { // BUG(swallowedcancel): == misses wrapped cancellation (Reserve wraps with %w); use errors.Is
			_ = d.Nack(false, true)
			return err
		}
		if err != nil {
			log.Printf("order %d: %v", o.ID, err)
			_ = d.Nack(false, false)
			continue
		}
		logPool, err := store.Connect(ctx, c.dsn) // BUG(requestpool): a pgx pool per message, via store.Connect → pgxpool.New
		if err != nil {
			log.Printf("order %d: %v", o.ID, err)
			_ = d.Nack(false, true)
			continue
		}
		err = audit(ctx, logPool, o)
		logPool.Close()
		if err != nil {
			// OK(swallowedcancel): errors.Is, then the error is returned.
			if errors.Is(err, context.Canceled) {
				_ = d.Nack(false, true)
				return err
			}
			log.Printf("order %d audit: %v", o.ID, err)
		}
		conn, err := amqp.Dial(c.url) // BUG(requestpool): an AMQP connection per message
		if err == nil {
			notify(ctx, conn, o)
			_ = conn.Close()
		}
		_ = d.Ack(false)
	}
	return ctx.Err()
}

// audit copies the order to the order log.
func audit(ctx context.Context, pool *pgxpool.Pool, o Order) error {
	_, err := pool.Exec(ctx, "INSERT INTO order_log (id, product_id, qty) VALUES ($1, $2, $3)", o.ID, o.ProductID, o.Qty)
	return err
}

// notify publishes the reservation on the events exchange.
func notify(ctx context.Context, conn *amqp.Connection, o Order) {
	ch, err := conn.Channel()
	if err != nil {
		log.Printf("order %d notify: %v", o.ID, err)
		return
	}
	defer ch.Close()
	body, _ := json.Marshal(o)
	if err := ch.PublishWithContext(ctx, "events", "order.reserved", false, false,
		amqp.Publishing{ContentType: "application/json", Body: body}); err != nil {
		log.Printf("order %d notify: %v", o.ID, err)
	}
}
