package nostop

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// Servers kept in package variables, copied to a local (under the lock)
// before Serve.
var (
	serverMu    sync.Mutex
	adminServer *http.Server
	debugServer *http.Server
)

func startAdmin(ln net.Listener) {
	serverMu.Lock()
	adminServer = &http.Server{ReadHeaderTimeout: time.Second}
	serverMu.Unlock()
	go func() {
		serverMu.Lock()
		server := adminServer
		serverMu.Unlock()
		if err := server.Serve(ln); !errors.Is(err, http.ErrServerClosed) { // stopped by stopServer(adminServer): silent
			log.Print(err)
		}
	}()
}

// stopServer drains srv under a timeout.
func stopServer(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// exitProcess is the package's shutdown path.
func exitProcess() {
	_ = stopServer(adminServer)
}

func startDebug(ln net.Listener) {
	debugServer = &http.Server{ReadHeaderTimeout: time.Second}
	go func() {
		server := debugServer
		if err := server.Serve(ln); !errors.Is(err, http.ErrServerClosed) { // want `\(\*http.Server\).Serve starts an HTTP server server that is never stopped \(no Shutdown or Close of server\)`
			log.Print(err)
		}
	}()
}
