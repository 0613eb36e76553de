// Command failstop runs storage loops that stop the process when a
// durable write fails (fail-stop): continuing could serve state that was
// never persisted. A loop started before anything is deferred skips no
// cleanup the pass can see: silent. The same loop started after a deferred
// Close skips it: reported.
package main

import (
	"database/sql"
	"log"
)

type log2 struct{ in chan []byte }

func (l *log2) sync([]byte) error { return nil }

// start is called only by open, before main defers anything.
func (l *log2) start() {
	go func() {
		for b := range l.in {
			if err := l.sync(b); err != nil {
				log.Fatalf("sync: %v", err) // fail-stop, no cleanup in view: silent
			}
		}
	}()
}

func open() *log2 {
	l := &log2{in: make(chan []byte)}
	l.start()
	return l
}

// replicate is started by main after its defer db.Close().
func (l *log2) replicate() {
	for b := range l.in {
		if err := l.sync(b); err != nil {
			log.Fatalf("replicate: %v", err) // reported where the goroutine starts
		}
	}
}

func (l *log2) watch() {
	go l.replicate() // want `\(\*main.log2\).replicate → log.Fatalf in a goroutine exits the process without running the deferred db.Close\(\) of main: in-flight work is lost`
}

func main() {
	l := open()
	db, err := sql.Open("pgx", "postgres://")
	if err != nil {
		log.Fatal(err) // nothing deferred yet: silent
	}
	defer db.Close()
	l.watch()
	select {}
}
