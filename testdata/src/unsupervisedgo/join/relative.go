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

// Regression: the loop takes its WaitGroup from an accessor of an
// interface; the implementation's stop waits on the same WaitGroup.
// Silent.
type machine interface {
	group() *sync.WaitGroup
	stop()
}

type adder struct{ wg sync.WaitGroup }

func (a *adder) group() *sync.WaitGroup { return &a.wg }
func (a *adder) stop()                  { a.group().Wait() }

func loop(m machine) {
	wg := m.group()
	wg.Add(1)
	defer wg.Done()
	work()
}

func StartMachine() machine {
	a := &adder{}
	go loop(a)
	return a
}

// A pointer to a field is the field: with no Wait on it, still reported.
type Ticker struct{ wg sync.WaitGroup }

func (t *Ticker) Start() { // want Start:"spawns unsupervised goroutine: go func literal"
	wg := &t.wg
	wg.Add(1)
	go func() { // want `goroutine tracked by wg, but no reachable wg.Wait`
		defer wg.Done()
		work()
	}()
}

// A WaitGroup the launcher makes itself and never waits on: reported.
func Forget() { // want Forget:"spawns unsupervised goroutine: go func literal"
	wg := new(sync.WaitGroup)
	wg.Add(1)
	go func() { // want `goroutine tracked by wg, but no reachable wg.Wait`
		defer wg.Done()
		work()
	}()
}

// Regression: a pointer to a field whose Wait is in Close: silent.
type Flusher struct{ wg sync.WaitGroup }

func (f *Flusher) Start() {
	wg := &f.wg
	wg.Add(1)
	go func() {
		defer wg.Done()
		work()
	}()
}

func (f *Flusher) Close() { f.wg.Wait() }
