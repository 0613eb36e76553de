package a

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/IBM/sarama"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"google.golang.org/grpc"

	"requestpool/b"
)

// ---- more positives: the rest of the table ----

func More(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_, _ = sqlx.Open("postgres", "dsn")                                    // want `sqlx.Open creates a database connection pool in net/http handler More: a pool per request exhausts connections; create it once at startup and inject it`
	_, _ = sqlx.ConnectContext(ctx, "postgres", "dsn")                     // want `sqlx.ConnectContext creates a database connection pool`
	_, _ = pgxpool.NewWithConfig(ctx, &pgxpool.Config{MaxConns: 4})        // want `pgxpool.NewWithConfig creates a PostgreSQL connection pool`
	_ = redis.NewUniversalClient(&redis.UniversalOptions{})                // want `redis.NewUniversalClient creates a Redis connection pool`
	_, _ = grpc.DialContext(ctx, "svc")                                    // want `grpc.DialContext creates a gRPC client connection`
	_, _ = amqp.DialTLS("amqps://", nil)                                   // want `amqp091.DialTLS creates an AMQP connection`
	_, _ = amqp.DialConfig("amqp://", amqp.Config{})                       // want `amqp091.DialConfig creates an AMQP connection`
	_, _ = sarama.NewClient([]string{"k:9092"}, sarama.NewConfig())        // want `sarama.NewClient creates a Kafka client`
	_ = redis.NewSentinelClient(&redis.Options{})                          // want `redis.NewSentinelClient creates a Redis Sentinel connection pool`
	_ = redis.NewFailoverClusterClient(&redis.FailoverOptions{})           // want `redis.NewFailoverClusterClient creates a Redis cluster connection pool`
	_, _ = amqp.DialTLS_ExternalAuth("amqps://", nil)                      // want `amqp091.DialTLS_ExternalAuth creates an AMQP connection`
	_, _ = nats.Options{}.Connect()                                        // want `nats.Options.Connect creates a NATS connection`
	_, _ = sarama.NewAsyncProducer([]string{"k:9092"}, sarama.NewConfig()) // want `sarama.NewAsyncProducer creates a Kafka producer`
}

// A Client that builds its own Transport: the transport is reported, once.
func OwnTransport(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{ // ok: the Client itself is not a pool
		Transport: &http.Transport{MaxIdleConnsPerHost: 4}, // want `&http.Transport\{\} creates an HTTP transport \(connection pool\) in net/http handler OwnTransport`
	}
	_, _ = c.Get("http://svc")
}

// kafka-go reader loop: one iteration per message.
func ReadLoop(ctx context.Context, rd *kafka.Reader) {
	for {
		m, err := rd.ReadMessage(ctx)
		if err != nil {
			return
		}
		db, _ := sqlx.Connect("postgres", string(m.Value)) // want `sqlx.Connect creates a database connection pool in per-message loop`
		_ = db
	}
}

// sarama ConsumeClaim is a per-session handler and its message loop runs per message.
type groupHandler struct{}

func (groupHandler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (groupHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (groupHandler) ConsumeClaim(s sarama.ConsumerGroupSession, c sarama.ConsumerGroupClaim) error {
	for m := range c.Messages() {
		p, _ := sarama.NewSyncProducer([]string{"k"}, nil) // want `sarama.NewSyncProducer creates a Kafka producer in`
		_ = p
		s.MarkMessage(m, "")
	}
	return nil
}

// A handler factory: the closure it returns runs per request.
func HandlerFactory(dsn string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in net/http handler func literal`
		_ = db
	}
}

// A racy get-or-create in a per-operation function.
type Tenants struct{ pools sync.Map }

func (t *Tenants) Pool(ctx context.Context, tenant string) (*pgxpool.Pool, error) {
	if p, ok := t.pools.Load(tenant); ok {
		return p.(*pgxpool.Pool), nil
	}
	p, err := pgxpool.New(ctx, tenant) // want `pgxpool.New creates a PostgreSQL connection pool in a racy get-or-create \(sync.Map Load, create, Store\) in \(\*a.Tenants\).Pool: concurrent callers`
	if err != nil {
		return nil, err
	}
	t.pools.Store(tenant, p)
	return p, nil
}

// ---- more negatives ----

// LoadOrStore of a sync.OnceValue per key creates one pool per key.
type SafeTenants struct{ pools sync.Map }

func (t *SafeTenants) Pool(ctx context.Context, tenant string) (*pgxpool.Pool, error) {
	v, _ := t.pools.LoadOrStore(tenant, sync.OnceValues(func() (*pgxpool.Pool, error) {
		return pgxpool.New(context.WithoutCancel(ctx), tenant)
	}))
	return v.(func() (*pgxpool.Pool, error))()
}

// A mutex-guarded cache with an explicit Unlock after the store.
type Cache struct {
	mu      sync.Mutex
	clients map[string]*redis.Client
}

func (c *Cache) Client(ctx context.Context, addr string) *redis.Client {
	c.mu.Lock()
	cl, ok := c.clients[addr]
	if !ok {
		cl = redis.NewClient(&redis.Options{Addr: addr})
		c.clients[addr] = cl
	}
	c.mu.Unlock()
	return cl
}

// An RWMutex cache: read under RLock, create under Lock.
type RWCache struct {
	mu    sync.RWMutex
	conns map[string]*grpc.ClientConn
}

func (c *RWCache) Conn(ctx context.Context, target string) (*grpc.ClientConn, error) {
	c.mu.RLock()
	cc, ok := c.conns[target]
	c.mu.RUnlock()
	if ok {
		return cc, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cc, ok := c.conns[target]; ok {
		return cc, nil
	}
	cc, err := grpc.NewClient(target)
	if err != nil {
		return nil, err
	}
	c.conns[target] = cc
	return cc, nil
}

// A per-call Client around a package-level shared Transport.
var sharedTransport = &http.Transport{MaxIdleConnsPerHost: 16}

func Proxy(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: sharedTransport}
	_, _ = c.Get("http://upstream")
}

// A bounded startup loop outside main: one pool per shard, at start.
type Shards struct{ pools map[string]*sql.DB }

func NewShards(shards []string) (*Shards, error) { // want NewShards:`creates database connection pool: sql.Open`
	s := &Shards{pools: map[string]*sql.DB{}}
	for _, shard := range shards {
		db, err := sql.Open("postgres", shard)
		if err != nil {
			return nil, err
		}
		s.pools[shard] = db
	}
	return s, nil
}

// Setup functions store the pool.
func SetupConsumers(ctx context.Context, s *Shards) error { // want SetupConsumers:`creates database connection pool: sql.Open`
	var err error
	s.pools["extra"], err = sql.Open("postgres", "extra")
	return err
}

// A package-level handler literal is a request path too.
var Health http.HandlerFunc = func(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in net/http handler func literal`
	_ = db.PingContext(r.Context())
}

// A shared transport at package level is created once.
var sharedClient = &http.Client{Transport: &http.Transport{MaxIdleConns: 8}}

// A lock alone does not make a pool shared: one pool per request, serialised.
type Locked struct{ mu sync.Mutex }

func (l *Locked) Serve(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in net/http handler \(\*Locked\).Serve`
	_ = db.PingContext(r.Context())
}

// A helper called under a lock in a cache: silent; outside a cache: reported.
type HelperCache struct {
	mu  sync.Mutex
	dbs map[string]*sql.DB
}

func (h *HelperCache) Get(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	db, ok := h.dbs["k"]
	if !ok {
		db, _ = b.OpenDB("k")
		h.dbs["k"] = db
	}
	h.mu.Unlock()
	_ = db
}

func (h *HelperCache) Leak(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	db, _ := b.OpenDB("k") // reported: a related location of the b.OpenDB finding in ViaHelpers (a.go)
	_ = db
}

// resourceManager mimics go-zero's syncx.ResourceManager: it runs the
// constructor callback once per key and caches the result.
type resourceManager struct{}

func (m *resourceManager) GetResource(key string, create func() (any, error)) (any, error) {
	return create()
}

var clients resourceManager

// A constructor callback handed to a cache is not a per-request creation.
func Cached(w http.ResponseWriter, r *http.Request) {
	_, _ = clients.GetResource("addr", func() (any, error) {
		return redis.NewClient(&redis.Options{}), nil
	})
}
