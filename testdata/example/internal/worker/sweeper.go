package worker

import (
	"context"
	"log"
	"time"

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

// RunSweeper expires unpaid reservations every interval until ctx is done.
func RunSweeper(ctx context.Context, repo *store.Repo, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	// OK(swallowedcancel): the loop selects on ctx.Done and returns its error.
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if err := repo.ExpireReservations(ctx); err != nil {
				log.Printf("sweeper: %v", err)
			}
		}
	}
}

// RunStaleSweeper purges stale carts every interval.
func RunStaleSweeper(ctx context.Context, repo *store.Repo, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C { // BUG(swallowedcancel): for range ticker.C never checks ctx, so this loop cannot stop
		n, err := repo.PurgeStale(ctx)
		if err != nil {
			log.Printf("stale sweeper: %v", err)
			continue
		}
		log.Printf("stale sweeper: purged %d carts", n)
	}
	return nil
}
