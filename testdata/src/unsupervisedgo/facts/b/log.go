package b

// Log runs a writer goroutine from its constructor until Close.
type Log struct {
	stopc chan struct{}
	in    chan string
}

func OpenLog() *Log { // want OpenLog:`spawns unsupervised goroutine: go \(\*b.Log\).run`
	l := &Log{stopc: make(chan struct{}), in: make(chan string)}
	go l.run()
	return l
}

func (l *Log) run() {
	for {
		select {
		case <-l.stopc:
			return
		case m := <-l.in:
			deliver(m)
		}
	}
}

func (l *Log) Close() { close(l.stopc) }

// Regression: Snapshot opens a log and closes it in a defer: the
// constructor's goroutine ends with the value. No fact.
func Snapshot() error {
	l := OpenLog()
	defer func() {
		l.Close()
	}()
	deliver("snap")
	return nil
}

// Leaky opens a log and never closes it.
func Leaky() { // want Leaky:`spawns unsupervised goroutine: b.OpenLog → go \(\*b.Log\).run`
	l := OpenLog()
	_ = l
}
