// Command methods calls the unanalysed package only for a logger: no
// signal setup has that shape, so the missing handler is reported.
package main

import (
	"svc.example/signals/app"
	"vendorlib.example/osutil"
)

func main() {
	osutil.NewLogger().Info("up")
	app.MainLogging() // want `main starts an HTTP server \(app.MainLogging → app.serve → \(\*http.Server\).ListenAndServe\) but never handles SIGTERM or SIGINT`
}
