package amqp091

import "context"

// DeferredConfirmation and the deferred-confirm publishes as in amqp091-go v1.16.

type DeferredConfirmation struct{}

func (d *DeferredConfirmation) Wait() bool { return true }
func (d *DeferredConfirmation) WaitContext(ctx context.Context) (bool, error) {
	return true, nil
}

func (ch *Channel) PublishWithDeferredConfirm(exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return &DeferredConfirmation{}, nil
}

func (ch *Channel) PublishWithDeferredConfirmWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) (*DeferredConfirmation, error) {
	return &DeferredConfirmation{}, nil
}
