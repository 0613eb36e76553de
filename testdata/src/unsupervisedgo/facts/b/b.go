// Package b holds helpers that other packages call on request paths.
package b

import "sync"

func deliver(msg string) {}

// Notify starts a goroutine nobody joins.
func Notify(msg string) { // want Notify:"spawns unsupervised goroutine: go func literal"
	go func() {
		deliver(msg)
	}()
}

// Publish reaches it through a local helper.
func Publish(msg string) { // want Publish:`spawns unsupervised goroutine: b.send → go b.deliver`
	send(msg)
}

func send(msg string) {
	go deliver(msg)
}

// Pool is a supervisor: its goroutines are joined by Wait.
type Pool struct{ wg sync.WaitGroup }

func (p *Pool) Go(f func()) { // want Go:`supervises func params \[0\]`
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		f()
	}()
}

func (p *Pool) Wait() { p.wg.Wait() }

// Sync runs inline: nothing to report.
func Sync(msg string) { deliver(msg) }

// Broadcast spawns like Notify; several handlers of package a call it.
func Broadcast(msg string) { // want Broadcast:"spawns unsupervised goroutine: go func literal"
	go func() {
		deliver(msg)
	}()
}
