package chains

import (
	"errors"
	"net/http"
	"time"
)

type Node struct {
	up bool
}

// ready polls until the node is up or d has passed; it pauses between
// polls only when d is long enough for a pause to matter.
func (n *Node) ready(d time.Duration) error {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if n.up {
			return nil
		}
		if d > 25*time.Millisecond {
			time.Sleep(25 * time.Millisecond)
		}
	}
	return errors.New("not ready")
}

func (n *Node) probe() error {
	return n.ready(time.Millisecond)
}

// Silent: the argument fails the guard of ready's only sleep.
func (n *Node) Health(w http.ResponseWriter, r *http.Request) {
	_ = n.probe()
	_ = n.ready(time.Millisecond)
}

// Still reported: an argument that passes the guard, and one the pass
// cannot evaluate (the second call site of the one finding).
func (n *Node) Pause(w http.ResponseWriter, r *http.Request) {
	_ = n.ready(time.Second) // want `calls \(\*chains.Node\).ready → time.Sleep in net/http handler \(\*Node\).Pause, and at 1 more call site \(2 request paths in all`
}

func (n *Node) PauseFor(w http.ResponseWriter, r *http.Request) {
	d, _ := time.ParseDuration(r.URL.Query().Get("d"))
	_ = n.ready(d) // reported with Pause's call, as a related location
}
