package stop

// Regression: each goroutine makes a reply channel, puts it in a request
// and sends the request to a worker, which answers on it. The channel is
// handed on: its other end is the worker's. Silent.
type request struct {
	key   int
	reply chan int
}

type Answerer struct{ requests chan *request }

func (s *Answerer) Serve() {
	for r := range s.requests {
		r.reply <- r.key
	}
}

func (s *Answerer) Ask(n int) {
	for i := 0; i < n; i++ {
		go func() {
			reply := make(chan int, 1)
			s.requests <- &request{key: i, reply: reply}
			<-reply
		}()
	}
}

// A reply channel that nothing else ever sees: reported.
func (s *Answerer) AskNobody(n int) {
	for i := 0; i < n; i++ {
		go func() { // want `goroutine waits on reply to stop, but nothing closes reply`
			reply := make(chan int, 1)
			s.requests <- &request{key: i}
			<-reply
		}()
	}
}
