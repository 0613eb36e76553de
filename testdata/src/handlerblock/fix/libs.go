package fix

import (
	"net/http"

	"github.com/go-resty/resty/v2"
	amqp "github.com/rabbitmq/amqp091-go"
)

type Stock struct {
	api *resty.Client
	ch  *amqp.Channel
}

func (s *Stock) Reserve(w http.ResponseWriter, r *http.Request) {
	s.api.R().SetHeader("Accept", "application/json").Post("http://stock/reserve")                 // want `\(\*resty.Request\).Post in`
	dc, _ := s.ch.PublishWithDeferredConfirm("stock", "reserved", false, false, amqp.Publishing{}) // want `PublishWithDeferredConfirm in`
	dc.Wait()                                                                                      // want `\(\*amqp091.DeferredConfirmation\).Wait in`
}
