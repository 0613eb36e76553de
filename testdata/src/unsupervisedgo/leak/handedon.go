package leak

// Regression: a loop makes a notification channel per round and hands
// it, inside a value, to a consumer that reads it. Silent.
type batch struct {
	items  []int
	notify chan struct{}
}

type Pipeline struct {
	In  chan []int
	out chan batch
}

func (p *Pipeline) Start() { // want Start:"spawns unsupervised goroutine: go func literal"
	go func() {
		for items := range p.In {
			notify := make(chan struct{}, 1)
			p.out <- batch{items: items, notify: notify}
			for range items {
				notify <- struct{}{}
			}
		}
	}()
}

// The same loop without handing the channel on: nothing receives.
func (p *Pipeline) StartAlone() { // want StartAlone:"spawns unsupervised goroutine: go func literal"
	go func() { // want `goroutine may block forever sending on notify: notify has room for 1 value only, the goroutine sends in a loop, and its launcher stops reading because nothing receives from it`
		for items := range p.In {
			notify := make(chan struct{}, 1)
			p.out <- batch{items: items}
			for range items {
				notify <- struct{}{}
			}
		}
	}()
}
