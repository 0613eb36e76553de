package chans

import "testing"

// A test plays the worker and replies itself: its send is no production
// send on the reply channel.
func TestAsk(t *testing.T) {
	b := &Batcher{}
	c := b.ask("k")
	go func() {
		c.reply <- "fake"
		close(c.reply)
	}()
	if <-c.reply != "fake" {
		t.Fatal("no reply")
	}
}
