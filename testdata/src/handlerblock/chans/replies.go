package chans

import "net/http"

// call carries one answer back to its caller: every reply channel is made
// with a buffer of one, and the one send on it is followed by its close.
type call struct {
	key   string
	reply chan string
}

// lookup carries an answer too, but one of its channels comes from the
// caller, whose buffer is unknown.
type lookup struct {
	key   string
	reply chan string
}

// note's channel is buffered, but nothing shows it gets one send per
// value: its sender does not close it.
type note struct {
	ch chan string
}

func newNote() *note { return &note{ch: make(chan string, 1)} }

type Batcher struct {
	calls   []*call
	lookups []*lookup
	notes   []*note
}

// ask makes the reply channel with room for the answer.
func (b *Batcher) ask(key string) *call {
	ch := make(chan string, 1)
	return &call{key: key, reply: ch}
}

func (b *Batcher) askDirect(key string) *call {
	return &call{key: key, reply: make(chan string, 1)}
}

func (b *Batcher) find(key string, out chan string) *lookup {
	return &lookup{key: key, reply: out}
}

// Silent: each reply fills the buffer made for it, once, and is closed.
func (b *Batcher) Flush(w http.ResponseWriter, r *http.Request) {
	for _, c := range b.calls {
		if c.key != "" {
			c.reply <- "answer"
		}
		close(c.reply)
	}
	for _, l := range b.lookups {
		l.reply <- "answer" // want `send to l.reply in net/http handler \(\*Batcher\).Flush`
		close(l.reply)
	}
	for _, n := range b.notes {
		n.ch <- "seen" // want `send to n.ch in net/http handler \(\*Batcher\).Flush`
	}
}
