package a

import (
	"context"
	"database/sql"
	"net/http"
	"sync"
	"time"

	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"google.golang.org/grpc"
	"gorm.io/gorm"

	"requestpool/b"
)

// ---- positives ----

func SQL(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in net/http handler SQL`
	defer db.Close()
	x, _ := sqlx.Connect("postgres", "dsn") // want `sqlx.Connect creates a database connection pool`
	_ = x
	g, _ := gorm.Open(nil) // want `gorm.Open creates a database connection pool`
	_ = g
}

func Pgx(c *gin.Context) {
	ctx := c.Request.Context()
	p, _ := pgxpool.New(ctx, "dsn") // want `pgxpool.New creates a PostgreSQL connection pool in gin handler Pgx`
	defer p.Close()
	conn, _ := pgx.Connect(ctx, "dsn") // want `pgx.Connect creates a PostgreSQL connection`
	_ = conn
}

func Clients(w http.ResponseWriter, r *http.Request) {
	_ = redis.NewClient(&redis.Options{})               // want `redis.NewClient creates a Redis connection pool`
	_ = redis.NewClusterClient(&redis.ClusterOptions{}) // want `redis.NewClusterClient creates a Redis cluster connection pool`
	_, _ = grpc.NewClient("dns:///svc")                 // want `grpc.NewClient creates a gRPC client connection`
	_, _ = grpc.Dial("svc")                             // want `grpc.Dial creates a gRPC client connection`
	_, _ = amqp.Dial("amqp://")                         // want `amqp091.Dial creates an AMQP connection`
	_, _ = mongo.Connect(r.Context())                   // want `mongo.Connect creates a MongoDB connection pool`
	_ = resty.New()                                     // want `resty.New creates an HTTP client with its own transport`
	_, _ = nats.Connect("nats://")                      // want `nats.Connect creates a NATS connection`
	_, _ = sarama.NewSyncProducer(nil, nil)             // want `sarama.NewSyncProducer creates a Kafka producer`
	cfg, _ := config.LoadDefaultConfig(r.Context())     // want `config.LoadDefaultConfig creates an AWS configuration`
	_ = s3.NewFromConfig(cfg)                           // want `s3.NewFromConfig creates an AWS S3 client`
}

func Transports(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `&http.Transport\{\} creates an HTTP transport`
	_ = c
	t := new(http.Transport) // want `new\(http.Transport\) creates an HTTP transport`
	_ = t
	t2 := http.DefaultTransport.(*http.Transport).Clone() // want `\(\*http.Transport\).Clone creates an HTTP transport`
	_ = t2
}

// Per-message loop bodies are request paths.
func Consume(ctx context.Context, deliveries <-chan amqp.Delivery) {
	for d := range deliveries {
		db, _ := sql.Open("postgres", string(d.Body)) // want `sql.Open creates a database connection pool in per-message loop over amqp091 messages`
		_ = db
	}
}

// Per-tick loops too.
func Poll(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	for range t.C {
		c := redis.NewClient(&redis.Options{}) // want `redis.NewClient creates a Redis connection pool in per-tick loop`
		_ = c
	}
}

// Per-operation functions take a context and run per call.
func Lookup(ctx context.Context, dsn string) error {
	p, err := pgxpool.New(ctx, dsn) // want `pgxpool.New creates a PostgreSQL connection pool in per-operation function Lookup`
	if err != nil {
		return err
	}
	defer p.Close()
	return nil
}

// Closures a factory returns run per call.
func MakeFetcher(dsn string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		db, err := sql.Open("postgres", dsn) // want `sql.Open creates a database connection pool in closure returned by MakeFetcher`
		_ = db
		return err
	}
}

// Helpers in other packages: reported at the call, with the chain.
func ViaHelpers(w http.ResponseWriter, r *http.Request) {
	db, _ := b.OpenDB("dsn") // want `b.OpenDB → sql.Open creates a database connection pool in net/http handler ViaHelpers, and at 1 more call site \(2 request paths in all, see related locations\): a pool per request exhausts connections; create it once at startup, not at every call of b.OpenDB, and inject it`
	_ = db
	_ = b.Cache("addr") // want `b.Cache → b.newRedis → redis.NewClient creates a Redis connection pool in net/http handler ViaHelpers`
}

// A local helper is reported at the handler's call, with the chain, like a
// helper of another package.
func ViaLocal(w http.ResponseWriter, r *http.Request) {
	_ = dial() // want `a.dial → redis.NewClient creates a Redis connection pool in net/http handler ViaLocal`
}

func dial() *redis.Client {
	return redis.NewClient(&redis.Options{}) // reported at the call on the request path
}

// A racy get-or-create makes several pools per key.
var byTenant sync.Map

func Tenant(w http.ResponseWriter, r *http.Request) {
	if v, ok := byTenant.Load("t"); ok {
		_ = v
		return
	}
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open creates a database connection pool in a racy get-or-create`
	byTenant.Store("t", db)
}

// ---- negatives ----

type Server struct {
	db        *sql.DB
	client    *http.Client
	transport *http.Transport
}

// Injected pools are fine.
func (s *Server) Get(w http.ResponseWriter, r *http.Request) {
	_ = s.db.QueryRowContext(r.Context(), "select 1")
	// A client with a nil Transport shares http.DefaultTransport.
	c := &http.Client{Timeout: 5 * time.Second}
	_ = c
	// A per-call Client around a shared Transport.
	c2 := &http.Client{Transport: s.transport, Timeout: time.Second}
	_ = c2
}

var (
	once   sync.Once
	shared *sql.DB
)

// sync.Once-guarded creation happens once.
func Once(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		shared, _ = sql.Open("postgres", "dsn")
	})
	get := sync.OnceValue(func() *redis.Client { return redis.NewClient(&redis.Options{}) })
	_ = get
}

// A mutex-guarded get-or-create cache creates one pool per key.
type Pools struct {
	mu    sync.Mutex
	pools map[string]*pgxpool.Pool
}

func (p *Pools) For(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pool, ok := p.pools[dsn]; ok {
		return pool, nil
	}
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	p.pools[dsn] = pool
	return pool, nil
}

// A handler constructor creates the pool outside the closure it returns.
func NewHandler(dsn string) http.HandlerFunc { // want NewHandler:`creates database connection pool: sql.Open`
	db, _ := sql.Open("postgres", dsn)
	return func(w http.ResponseWriter, r *http.Request) {
		_ = db.PingContext(r.Context())
	}
}

// Constructors and setup store the pool.
func NewServer(ctx context.Context, dsn string) (*Server, error) { // want NewServer:`creates database connection pool: sql.Open`
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &Server{db: db, transport: &http.Transport{}}, nil
}

func (s *Server) Provision(ctx context.Context) error { // want Provision:`creates database connection pool: sql.Open`
	var err error
	s.db, err = sql.Open("postgres", "dsn")
	return err
}

func init() {
	shared, _ = sql.Open("postgres", "dsn")
}
