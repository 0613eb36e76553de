package done

import (
	"context"
	"log"
	"time"
)

// A per-item helper that logs and ignores the failure of a best-effort
// step is silent when every caller in the package (through unexported
// helpers handing on their context) runs it in a loop that leaves on that
// context's Done or Err: the loop stops the work, so the cancellation is
// not lost. Another caller, an exported helper or one taken as a value
// keeps the report.

type sweeper struct{ ok, failed int }

// runWorker is the worker loop: it leaves on ctx.Done().
func (s *sweeper) runWorker(ctx context.Context, items <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case it, ok := <-items:
			if !ok {
				return
			}
			s.count(s.handleItem(ctx, it))
		}
	}
}

func (s *sweeper) count(err error) {
	if err != nil {
		s.failed++
		return
	}
	s.ok++
}

// handleItem hands its own context on, outside any loop: its caller's
// loop decides.
func (s *sweeper) handleItem(ctx context.Context, it int) error {
	if it < 0 {
		return nil
	}
	return s.cleanUpItem(ctx, it)
}

// ok: every caller (runWorker through handleItem) stops on ctx.Done().
func (s *sweeper) cleanUpItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print("best effort, ignored: ", err, it)
		return nil
	}
	return nil
}

// drain checks ctx.Err() at the top of each iteration and gives each item
// a child deadline of ctx.
func (s *sweeper) drain(ctx context.Context, items []int) error { // want drain:"returns ctx error"
	for _, it := range items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ictx, cancel := context.WithTimeout(ctx, time.Second)
		s.count(s.bestEffortItem(ictx, it))
		cancel()
	}
	return nil
}

// ok: its one caller's loop leaves on ctx.Err(), and ictx derives from ctx.
func (s *sweeper) bestEffortItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil
	}
	return nil
}

// The same helper called from a loop with no check of its context.
func (s *sweeper) all(ctx context.Context, items []int) {
	for _, it := range items {
		s.count(s.uncheckedItem(ctx, it))
	}
}

func (s *sweeper) uncheckedItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `uncheckedItem returns a nil error when done.fetch fails`
	}
	return nil
}

// One caller in a stopping loop, another outside any loop.
func (s *sweeper) mixedCallers(ctx context.Context, items <-chan int) error { // want mixedCallers:"returns ctx error"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case it := <-items:
			s.count(s.mixedItem(ctx, it))
		}
	}
}

func (s *sweeper) once(ctx context.Context) {
	s.count(s.mixedItem(ctx, 0))
}

func (s *sweeper) mixedItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `mixedItem returns a nil error when done.fetch fails`
	}
	return nil
}

// The loop stops on another context than the one the helper gets.
func (s *sweeper) otherDone(ctx, stop context.Context, items <-chan int) {
	for {
		select {
		case <-stop.Done():
			return
		case it := <-items:
			s.count(s.otherCtxItem(ctx, it))
		}
	}
}

func (s *sweeper) otherCtxItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `otherCtxItem returns a nil error when done.fetch fails`
	}
	return nil
}

// Exported: callers in other packages are unknown.
func (s *sweeper) exportedWorker(ctx context.Context, items <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case it := <-items:
			s.count(s.ExportedItem(ctx, it))
			s.count(s.valuedItem(ctx, it))
			s.count(s.ifaceItem(ctx, it))
		}
	}
}

func (s *sweeper) ExportedItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `ExportedItem returns a nil error when done.fetch fails`
	}
	return nil
}

// Taken as a value as well: whoever holds it is unseen.
var itemFunc = (*sweeper).valuedItem

func (s *sweeper) valuedItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `valuedItem returns a nil error when done.fetch fails`
	}
	return nil
}

// Reachable through an interface of the package.
type itemHandler interface {
	ifaceItem(ctx context.Context, it int) error
}

var _ itemHandler = (*sweeper)(nil)

func (s *sweeper) ifaceItem(ctx context.Context, it int) error {
	if err := fetch(ctx); err != nil {
		log.Print(err, it)
		return nil // want `ifaceItem returns a nil error when done.fetch fails`
	}
	return nil
}
