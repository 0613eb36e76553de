package unstoppable

import (
	"log"
	"net"
	"net/http"
	"sync"
)

// node keeps its metrics listeners; Close closes them, which ends
// http.Serve on each.
type node struct {
	wg        sync.WaitGroup
	listeners []net.Listener
}

func (n *node) serveMetrics(addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	n.listeners = append(n.listeners, ln)
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		_ = http.Serve(ln, h) // the owner's Close closes ln: silent
	}()
	return nil
}

func (n *node) Close() {
	for _, ln := range n.listeners {
		ln.Close()
	}
	n.wg.Wait()
}

// closedLocally closes its listener itself when stop is closed.
func closedLocally(ln0 net.Listener, stop <-chan struct{}, h http.Handler) {
	ln, _ := net.Listen("tcp", ":0")
	go func() {
		<-stop
		ln.Close()
	}()
	_ = http.Serve(ln, h)  // silent
	_ = http.Serve(ln0, h) // the caller's listener, the caller closes it: silent
}

// neverClosed binds a listener that nothing closes or keeps.
func neverClosed(addr string, h http.Handler) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Print(err)
		return
	}
	go func() {
		log.Print(http.Serve(ln, h)) // want `http.Serve serves with no way to stop it`
	}()
}
