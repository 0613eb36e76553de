// Command analysed serves through code that is all analysed and never
// handles SIGTERM: reported.
package main

import "svc.example/signals/app"

func main() {
	app.MainAnalysed() // want `main starts an HTTP server \(app.MainAnalysed → app.serve → \(\*http.Server\).ListenAndServe\) but never handles SIGTERM or SIGINT`
}
