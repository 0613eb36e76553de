// Package libs holds ctx-less calls of third-party clients in handlers.
package libs

import (
	"context"
	"net/http"

	"github.com/IBM/sarama"
	"github.com/go-resty/resty/v2"
	amqp "github.com/rabbitmq/amqp091-go"
)

type Handler struct {
	api      *resty.Client
	ch       *amqp.Channel
	producer sarama.SyncProducer
}

func (h *Handler) Order(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()

	h.api.R().SetHeader("Accept", "application/json").Get("http://stock/items") // want `\(\*resty.Request\).Get in net/http handler \(\*Handler\).Order: it sends the request without a context, since the chain has no SetContext, so a cancelled request keeps waiting and shutdown waits for it; use h.api.R\(\).SetContext\(ctx\)`
	h.api.NewRequest().Execute("POST", "http://stock/reserve")                  // want `\(\*resty.Request\).Execute in`

	dc, _ := h.ch.PublishWithDeferredConfirm("orders", "new", false, false, amqp.Publishing{}) // want `\(\*amqp091.Channel\).PublishWithDeferredConfirm in .*use PublishWithDeferredConfirmWithContext\(ctx, ...\)`
	dc.Wait()                                                                                  // want `\(\*amqp091.DeferredConfirmation\).Wait in .*use WaitContext\(ctx\)`

	h.producer.SendMessage(&sarama.ProducerMessage{Topic: "orders"}) // want `sarama.SyncProducer.SendMessage in net/http handler \(\*Handler\).Order: it waits for the broker's acknowledgement without a context`

	// Good: the request context is attached.
	h.api.R().SetContext(ctx).Get("http://stock/items")
	h.api.R().SetHeader("Accept", "application/json").SetContext(ctx).Post("http://stock/items")
	dc, _ = h.ch.PublishWithDeferredConfirmWithContext(ctx, "orders", "new", false, false, amqp.Publishing{})
	dc.WaitContext(ctx)

	// Silent: a request built elsewhere may carry its context (when in
	// doubt, silent).
	req := h.api.R().SetContext(ctx)
	req.Get("http://stock/items")
}

// Silent: startup code, outside any request path.
func Warmup(api *resty.Client, p sarama.SyncProducer) { // want Warmup:`blocks: \(\*resty.Request\).Get`
	api.R().Get("http://stock/health")
	p.SendMessage(&sarama.ProducerMessage{Topic: "warmup"})
	_ = context.Background()
}
