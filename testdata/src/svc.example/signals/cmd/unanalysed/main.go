// Command unanalysed serves through app.Main, whose serving path calls a
// package the vet tool did not analyse: lifelint cannot tell that nothing
// handles SIGTERM, so it is silent.
package main

import "svc.example/signals/app"

func main() {
	app.Main()
	app.MainWaiting()
}
