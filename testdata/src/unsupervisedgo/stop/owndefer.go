package stop

// The goroutine waits on a channel that only its own deferred close
// closes: the close runs after the wait, so the wait never returns.
func SelfClose() { // want SelfClose:"spawns unsupervised goroutine: go func literal"
	done := make(chan struct{})
	go func() { // want `goroutine waits on done, but only its own deferred close\(done\) closes it, which runs after the wait returns: it blocks forever and leaks`
		defer close(done)
		<-done
		work()
	}()
}

// The fixed form: the owner closes done, the goroutine closes stopped.
func SelfCloseFixed(stop <-chan struct{}) { // want SelfCloseFixed:"param 0: receives"
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-done
		work()
	}()
	<-stop
	close(done)
	<-stopped
}
