package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

// Health checks the database.
func (h *Handlers) Health(w http.ResponseWriter, r *http.Request) {
	// OK(handlerblock): the Context variant with the request context.
	if err := h.db.PingContext(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ok")
}

// StatsHandler reports order counts.
type StatsHandler struct {
	db *sql.DB
}

func (s *StatsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT state, count(*) FROM orders GROUP BY state") // BUG(handlerblock): (*sql.DB).Query without a context; use QueryContext(r.Context(), ...)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	stats := map[string]int{}
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		stats[state] = n
	}
	_ = json.NewEncoder(w).Encode(stats)
}

// versionClient is shared by every call of Version.
var versionClient = &http.Client{Timeout: 5 * time.Second}

// Version reports the schema version.
var Version = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second) // BUG(handlerblock): context.Background in a handler; derive from r.Context()
	defer cancel()
	resp, err := versionClient.Do(mustRequest(ctx, "http://migrations.internal/version"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
})

func mustRequest(ctx context.Context, url string) *http.Request {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		panic(err)
	}
	return req
}

// Quote asks the pricing service for a quote, giving up when the client
// goes away.
func (h *Handlers) Quote(w http.ResponseWriter, r *http.Request) {
	ch := make(chan quote)
	go func() { // BUG(unsupervisedgo): sends on unbuffered ch, which Quote stops reading on ctx.Done; the goroutine blocks forever
		q, err := h.fetchQuote(r.Context())
		ch <- quote{q, err}
	}()
	select {
	case q := <-ch:
		writeQuote(w, q)
	case <-r.Context().Done():
		return
	}
}

// QuoteV2 is Quote with the future pattern.
func (h *Handlers) QuoteV2(w http.ResponseWriter, r *http.Request) {
	// OK(unsupervisedgo): a buffered channel with one send, read by the
	// launcher; the goroutine never blocks.
	ch := make(chan quote, 1)
	go func() {
		q, err := h.fetchQuote(r.Context())
		ch <- quote{q, err}
	}()
	select {
	case q := <-ch:
		writeQuote(w, q)
	case <-r.Context().Done():
		return
	}
}

type quote struct {
	price string
	err   error
}

func writeQuote(w http.ResponseWriter, q quote) {
	if q.err != nil {
		http.Error(w, q.err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintln(w, q.price)
}

func (h *Handlers) fetchQuote(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.pricingURL, nil)
	if err != nil {
		return "", err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Overview loads stock and name of a product concurrently.
func (h *Handlers) Overview(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	// OK(unsupervisedgo): both goroutines are joined by the errgroup.
	var name string
	var units int
	g, ctx := errgroup.WithContext(r.Context())
	g.Go(func() (err error) { name, err = h.repo.ProductNameContext(ctx, id); return err })
	g.Go(func() (err error) { units, err = h.repo.Stock(ctx, id); return err })
	if err := g.Wait(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "%s: %d\n", name, units)
}

// Reindex records the request and starts the search reindexer, which runs
// longer than the request.
func (h *Handlers) Reindex(w http.ResponseWriter, r *http.Request) {
	// OK(handlerblock): deliberate detachment plus a timeout, so the audit
	// row is written even if the client disconnects.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 2*time.Second)
	defer cancel()
	if err := h.repo.Audit(ctx, r.RemoteAddr, "reindex"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// OK(handlerblock): exec.Command + Start for a process meant to outlive
	// the request.
	cmd := exec.Command("/usr/local/bin/reindex", "--all")
	if err := cmd.Start(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = cmd.Process.Release()
	w.WriteHeader(http.StatusAccepted)
}

// Reports counts the orders of a day on the reporting replica.
func (h *Handlers) Reports(w http.ResponseWriter, r *http.Request) {
	db, err := store.OpenReports("postgres://shop@replica/shop") // BUG(requestpool): a database/sql pool per request, via store.OpenReports → sql.Open
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	writeCount(w, r, db)
}

// ReportsV2 is Reports over the shared, lazily opened pool.
func (h *Handlers) ReportsV2(w http.ResponseWriter, r *http.Request) {
	// OK(requestpool): store.Reports opens its pool once (sync.Once).
	db, err := h.reports.DB()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeCount(w, r, db)
}

func writeCount(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	var n int
	day := r.URL.Query().Get("day")
	if err := db.QueryRowContext(r.Context(), "SELECT count(*) FROM orders WHERE day = $1", day).Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}
