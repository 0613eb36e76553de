package chains

import (
	"net"
	"time"
)

var notifySocket = "/run/notify"

// notify sends a datagram to a local service manager: a unixgram dial only
// records the peer and does not wait.
func notify(state string) error {
	addr := &net.UnixAddr{Name: notifySocket, Net: "unixgram"}
	conn, err := net.DialUnix(addr.Net, nil, addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}

func notifyDirect(state string) error {
	conn, err := net.Dial("unixgram", notifySocket)
	if err != nil {
		return err
	}
	return conn.Close()
}

// report dials a stream socket, which waits for the peer to accept.
func report(state string) error {
	conn, err := net.Dial("unix", notifySocket)
	if err != nil {
		return err
	}
	return conn.Close()
}

func Watch() {
	for range time.Tick(time.Second) {
		_ = notify("RELOADING=1")       // ok
		_ = notifyDirect("RELOADING=1") // ok
		_ = report("RELOADING=1")       // want `calls chains.report → net.Dial in per-tick loop`
	}
}
