package amqp091

import "crypto/tls"

// DialTLS_ExternalAuth dials with SASL EXTERNAL authentication.
func DialTLS_ExternalAuth(url string, amqps *tls.Config) (*Connection, error) {
	return &Connection{}, nil
}
