// Package api holds the shop's HTTP handlers: the public gin API and the
// net/http admin API.
package api

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

// Handlers carries the dependencies of every handler. All of them are
// created once in main.
type Handlers struct {
	repo       *store.Repo
	rdb        *redis.Client
	pool       *pgxpool.Pool
	db         *sql.DB
	reports    *store.Reports
	client     *http.Client
	pricingURL string
}

// NewHandlers injects the pools created at startup.
func NewHandlers(repo *store.Repo, rdb *redis.Client, pool *pgxpool.Pool, db *sql.DB, pricingURL string) *Handlers {
	return &Handlers{
		repo:    repo,
		rdb:     rdb,
		pool:    pool,
		db:      db,
		reports: store.NewReports("postgres://shop@replica/shop"),
		// OK(requestpool): a Client with a nil Transport shares
		// http.DefaultTransport.
		client:     &http.Client{Timeout: 5 * time.Second},
		pricingURL: pricingURL,
	}
}

// RegisterGin mounts the public API.
func (h *Handlers) RegisterGin(r *gin.Engine) {
	r.GET("/products/:id", h.GetProduct)
	r.GET("/products/:id/name", h.GetProductName)
	r.GET("/products/:id/stock", h.GetStock)
	r.POST("/checkout", h.Checkout)
	r.GET("/recommendations", h.Recommendations)
}

// RegisterAdmin mounts the admin API.
func (h *Handlers) RegisterAdmin(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", h.Health)
	mux.Handle("GET /stats", &StatsHandler{db: h.db})
	mux.Handle("GET /version", Version)
	mux.HandleFunc("GET /quote", h.Quote)
	mux.HandleFunc("GET /quote/v2", h.QuoteV2)
	mux.HandleFunc("GET /overview", h.Overview)
	mux.HandleFunc("POST /reindex", h.Reindex)
	mux.HandleFunc("GET /reports", h.Reports)
	mux.HandleFunc("GET /reports/v2", h.ReportsV2)
	mux.Handle("GET /pricing", ProxyPricing(h.pricingURL))
	mux.Handle("GET /pricing/v2", ProxyPricingWithContext(h.client, h.pricingURL))
}
