// Package pools is reported only when the golangci-lint plugin's
// settings reach the passes: handlers makes Consume a handler, pools adds
// db's constructor and pool type.
package pools

import (
	"pluginsettings/bus"
	"pluginsettings/db"
)

func Consume(m *bus.Message) error {
	_ = db.Open()  // want `db.Open`
	_ = &db.Pool{} // want `db.Pool`
	return nil
}
