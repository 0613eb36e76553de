package b

import "sync"

// Handle keeps a connection that it replaces in the background when
// forced to.
type Handle struct {
	mu   sync.Mutex
	conn *Conn
}

type Conn struct{}

func (*Conn) Close() error { return nil }

// reconnect closes the old connection in a goroutine, but only when
// force is set: without it, it returns the current connection.
func (h *Handle) reconnect(force bool) *Conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	if prev := h.conn; prev != nil {
		if !force {
			return prev
		}
		h.conn = nil
		go prev.Close()
	}
	h.conn = &Conn{}
	return h.conn
}

// Conn never forces: no goroutine, no fact.
func (h *Handle) Conn() *Conn { return h.reconnect(false) }

// Reset forces: it starts the goroutine.
func (h *Handle) Reset() { // want Reset:`spawns unsupervised goroutine: \(\*b.Handle\).reconnect → go \(\*b.Conn\).Close`
	h.reconnect(true)
}

// Refresh forwards its own flag: the fact keeps the condition.
func (h *Handle) Refresh(force bool) { // want Refresh:`spawns unsupervised goroutine: \(\*b.Handle\).reconnect → go \(\*b.Conn\).Close \(only when param 0 is true\)`
	h.reconnect(force)
}

// Dispatch runs the work in a goroutine only when async is set.
func Dispatch(msg string, async bool) { // want Dispatch:`spawns unsupervised goroutine: go func literal \(only when param 1 is true\)`
	if async {
		go func() { deliver(msg) }()
		return
	}
	deliver(msg)
}

// Toggle reassigns its flag: the condition says nothing about the call.
func Toggle(msg string, async bool) { // want Toggle:`spawns unsupervised goroutine: go b.deliver$`
	async = !async
	if async {
		go deliver(msg)
	}
}

// SyncSend calls Dispatch with a constant false: no goroutine.
func SyncSend(msg string) { Dispatch(msg, false) }
