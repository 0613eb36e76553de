package stop

// Modelled on go-zero's mr.ForEach: the field of a generic struct is one
// primitive across instances (mapper[T, U] in execute, mapper[T, any] at
// the composite literal). source is set from a channel its generator
// closes. Silent.
type mapper[T, U any] struct {
	source <-chan T
	out    chan<- U
}

func execute[T, U any](m mapper[T, U]) {
	for item := range m.source {
		_ = item
	}
}

func Each[T any](items []T) { // want Each:"spawns unsupervised goroutine"
	source := make(chan T)
	go func() {
		defer close(source)
		for _, it := range items {
			source <- it
		}
	}()
	go execute(mapper[T, any]{source: source})
}
