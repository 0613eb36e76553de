package api

import (
	"context"
	"errors"
	"log"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"

	"github.com/lifelint/lifelint/testdata/example/internal/store"
)

// GetProduct returns a product, cached in redis.
func (h *Handlers) GetProduct(c *gin.Context) {
	id := c.Param("id")
	cached, err := h.rdb.Get(c, "product:"+id).Result() // BUG(handlerblock): *gin.Context passed as context.Context to redis
	if err == nil {
		c.String(http.StatusOK, cached)
		return
	}
	var name string
	err = h.pool.QueryRow(c, "SELECT name FROM products WHERE id = $1", id).Scan(&name) // BUG(handlerblock): *gin.Context passed as context.Context to pgx
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.String(http.StatusOK, name)
}

// GetProductName returns a product's name.
func (h *Handlers) GetProductName(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	name, err := h.repo.ProductName(id) // BUG(handlerblock): calls store.(*Repo).ProductName → (*sql.DB).QueryRow without a context
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.String(http.StatusOK, name)
}

// GetStock returns the units in stock.
func (h *Handlers) GetStock(c *gin.Context) {
	// OK(handlerblock): the request's context, not the gin.Context.
	ctx := c.Request.Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	key := "stock:" + c.Param("id")
	if n, err := h.rdb.Get(ctx, key).Int(); err == nil {
		c.JSON(http.StatusOK, gin.H{"units": n})
		return
	}
	name, err := h.repo.ProductNameContext(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	n, err := h.repo.Stock(ctx, id)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	h.rdb.Set(ctx, key, n, time.Minute)
	c.JSON(http.StatusOK, gin.H{"name": name, "units": n})
}

type checkoutRequest struct {
	OrderID   int64 `json:"order_id"`
	ProductID int64 `json:"product_id"`
	Qty       int   `json:"qty"`
}

// Checkout reserves stock and sends the receipt.
func (h *Handlers) Checkout(c *gin.Context) {
	ctx := c.Request.Context()
	var req checkoutRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = h.repo.Reserve(ctx, req.OrderID, req.ProductID, req.Qty); err == nil || ctx.Err() != nil {
			break
		}
		time.Sleep(2 * time.Second) // BUG(handlerblock): a 2s backoff in a handler ignores the request context (a sleep of at most 1s between rounds that check ctx is a throttle)
	}
	if err != nil {
		c.AbortWithStatus(http.StatusConflict)
		return
	}
	go h.sendReceipt(ctx, req.OrderID) // BUG(unsupervisedgo): fire-and-forget goroutine in a handler; passing ctx is not supervision
	c.Status(http.StatusAccepted)
}

func (h *Handlers) sendReceipt(ctx context.Context, orderID int64) {
	if err := h.rdb.Publish(ctx, "receipts", orderID).Err(); err != nil {
		log.Printf("receipt %d: %v", orderID, err)
	}
}

// Recommendations reads the recommendation cache of a region.
func (h *Handlers) Recommendations(c *gin.Context) {
	region := c.DefaultQuery("region", "eu")
	rdb := redis.NewClient(&redis.Options{Addr: "recs-" + region + ":6379"}) // BUG(requestpool): a redis client per request
	defer rdb.Close()
	recs, err := rdb.LRange(c.Request.Context(), "recs", 0, 9).Result()
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	c.JSON(http.StatusOK, recs)
}
