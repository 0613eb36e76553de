// Package knowledge holds lifelint's tables of known library APIs: calls
// that block without a context (blocking.go), constructors of connection
// pools and clients (pools.go), handler shapes of request and message
// frameworks (handlers.go), sources of context errors (cancel.go),
// context cancellers and roots (contexts.go) and error constructors, tests
// and text matchers (errors.go).
//
// The tables are data, not code. Function keys use the form of
// (*types.Func).FullName (what typeutil callee lookups give):
// "time.Sleep", "(*database/sql.DB).Query",
// "github.com/jackc/pgx/v5/pgxpool.New". Type keys use "path.Name".
// Lookups are map accesses. Users extend the tables through the
// lifelintconfig flags and the golangci-lint settings; nothing else changes
// them at run time, and nothing here is mutable after init.
package knowledge
