// Package join holds goroutines joined by WaitGroups and errgroups.
package join

import "sync"

func work() {}

type lifecycle interface {
	start()
	stop()
}

// Regression: pump's launcher (start) and its Wait (stop) are both called
// only through the lifecycle interface. The Wait is as reachable as the
// launcher, so it counts. Silent.
type pump struct{ wg sync.WaitGroup }

func (p *pump) start() {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		work()
	}()
}

func (p *pump) stop() { p.wg.Wait() }

var _ lifecycle = (*pump)(nil)

func Run(l lifecycle) {
	l.start()
	l.stop()
}

// A reachable launcher whose only Wait is in a method nothing calls.
type Feeder struct{ wg sync.WaitGroup }

func (f *Feeder) Start() { // want Start:"spawns unsupervised goroutine: go func literal"
	f.wg.Add(1)
	go func() { // want `goroutine tracked by f.wg, but no reachable f.wg.Wait \(its only Wait is in \(\*join.Feeder\).wait, which nothing calls\)`
		defer f.wg.Done()
		work()
	}()
}

func (f *Feeder) wait() { f.wg.Wait() }

// The fixed form: an exported Close waits.
type FeederFixed struct{ wg sync.WaitGroup }

func (f *FeederFixed) Start() {
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		work()
	}()
}

func (f *FeederFixed) Close() { f.wg.Wait() }
