package knowledge

// Pool describes a constructor of a connection pool or of a client that
// owns connections. Creating one per request, message or tick leaks sockets,
// file descriptors and server-side connection slots.
type Pool struct {
	// What names the resource for messages: "database connection pool".
	What string
	// Since is the lifelint version that added the entry.
	Since string
	// Unpooled, for a PoolTypes entry, names a bool field that, set to
	// true in the composite literal, makes the value keep no connection
	// beyond the request that opened it: it pools nothing, so one per
	// call leaks nothing.
	Unpooled string
}

// PoolConstructors lists functions that create a pool or a connection-owning
// client. Keys are (*types.Func).FullName strings.
var PoolConstructors = map[string]Pool{
	// database/sql: *sql.DB is a pool; https://pkg.go.dev/database/sql#Open
	"database/sql.Open":   {What: "database connection pool"},
	"database/sql.OpenDB": {What: "database connection pool"},
	// sqlx wraps a *sql.DB it opens itself; https://pkg.go.dev/github.com/jmoiron/sqlx#Open
	"github.com/jmoiron/sqlx.Open":           {What: "database connection pool"},
	"github.com/jmoiron/sqlx.Connect":        {What: "database connection pool"},
	"github.com/jmoiron/sqlx.MustOpen":       {What: "database connection pool"},
	"github.com/jmoiron/sqlx.MustConnect":    {What: "database connection pool"},
	"github.com/jmoiron/sqlx.ConnectContext": {What: "database connection pool"},
	// gorm.Open opens the dialector's *sql.DB; https://pkg.go.dev/gorm.io/gorm#Open
	"gorm.io/gorm.Open": {What: "database connection pool"},

	// pgx: pgxpool.Pool is a pool; pgx.Connect opens a dedicated connection.
	"github.com/jackc/pgx/v5/pgxpool.New":           {What: "PostgreSQL connection pool"},
	"github.com/jackc/pgx/v5/pgxpool.NewWithConfig": {What: "PostgreSQL connection pool"},
	"github.com/jackc/pgx/v5.Connect":               {What: "PostgreSQL connection"},
	"github.com/jackc/pgx/v5.ConnectConfig":         {What: "PostgreSQL connection"},
	// pgx v4 spelled the pool constructors Connect/ConnectConfig.
	"github.com/jackc/pgx/v4/pgxpool.Connect":       {What: "PostgreSQL connection pool"},
	"github.com/jackc/pgx/v4/pgxpool.ConnectConfig": {What: "PostgreSQL connection pool"},
	"github.com/jackc/pgx/v4.Connect":               {What: "PostgreSQL connection"},

	// go-redis clients each own a connection pool.
	"github.com/redis/go-redis/v9.NewClient":          {What: "Redis connection pool"},
	"github.com/redis/go-redis/v9.NewClusterClient":   {What: "Redis cluster connection pool"},
	"github.com/redis/go-redis/v9.NewUniversalClient": {What: "Redis connection pool"},
	"github.com/redis/go-redis/v9.NewFailoverClient":  {What: "Redis connection pool"},
	"github.com/redis/go-redis/v9.NewRing":            {What: "Redis connection pool"},
	// Sentinel and failover-cluster clients own pools to every node too.
	"github.com/redis/go-redis/v9.NewSentinelClient":        {What: "Redis Sentinel connection pool"},
	"github.com/redis/go-redis/v9.NewFailoverClusterClient": {What: "Redis cluster connection pool"},
	// go-redis v8, the pre-v9 import path, same clients.
	"github.com/go-redis/redis/v8.NewClient":          {What: "Redis connection pool"},
	"github.com/go-redis/redis/v8.NewClusterClient":   {What: "Redis cluster connection pool"},
	"github.com/go-redis/redis/v8.NewUniversalClient": {What: "Redis connection pool"},

	// grpc: a ClientConn owns HTTP/2 connections and several goroutines.
	"google.golang.org/grpc.NewClient":   {What: "gRPC client connection"},
	"google.golang.org/grpc.Dial":        {What: "gRPC client connection"},
	"google.golang.org/grpc.DialContext": {What: "gRPC client connection"},

	// RabbitMQ: each Dial opens a TCP connection with heartbeats.
	"github.com/rabbitmq/amqp091-go.Dial":       {What: "AMQP connection"},
	"github.com/rabbitmq/amqp091-go.DialTLS":    {What: "AMQP connection"},
	"github.com/rabbitmq/amqp091-go.DialConfig": {What: "AMQP connection"},
	// DialTLS_ExternalAuth: the same connection with SASL EXTERNAL auth.
	"github.com/rabbitmq/amqp091-go.DialTLS_ExternalAuth": {What: "AMQP connection"},
	// streadway/amqp is the unmaintained predecessor of amqp091-go.
	"github.com/streadway/amqp.Dial": {What: "AMQP connection"},

	// MongoDB: a Client is a pool with monitoring goroutines.
	"go.mongodb.org/mongo-driver/mongo.Connect": {What: "MongoDB connection pool"},
	// NewClient (deprecated) builds the same Client, connected by Connect.
	"go.mongodb.org/mongo-driver/mongo.NewClient": {What: "MongoDB connection pool"},
	// mongo-driver v2 kept Connect.
	"go.mongodb.org/mongo-driver/v2/mongo.Connect": {What: "MongoDB connection pool"},

	// net/http: a cloned DefaultTransport is a new connection pool.
	"(*net/http.Transport).Clone": {What: "HTTP transport (connection pool)"},

	// resty.New builds a Client with its own Transport.
	"github.com/go-resty/resty/v2.New": {What: "HTTP client with its own transport"},
	"resty.dev/v3.New":                 {What: "HTTP client with its own transport"}, // resty v3's module path
	// resty.NewWithClient wraps a caller's *http.Client: not listed.

	// AWS SDK v2: LoadDefaultConfig resolves credentials (network calls to
	// IMDS/STS) and the clients built from it own HTTP transports.
	"github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig": {What: "AWS configuration (credential resolution and HTTP clients)"},
	// Service clients built from a config each get their own HTTP client.
	"github.com/aws/aws-sdk-go-v2/service/s3.NewFromConfig":       {What: "AWS S3 client"},
	"github.com/aws/aws-sdk-go-v2/service/dynamodb.NewFromConfig": {What: "AWS DynamoDB client"},
	"github.com/aws/aws-sdk-go-v2/service/sqs.NewFromConfig":      {What: "AWS SQS client"},

	// sarama: clients and producers own broker connections and goroutines.
	// Shopify/sarama is the import path before the IBM move (same API).
	"github.com/IBM/sarama.NewClient":            {What: "Kafka client"},
	"github.com/IBM/sarama.NewSyncProducer":      {What: "Kafka producer"},
	"github.com/IBM/sarama.NewAsyncProducer":     {What: "Kafka producer"},
	"github.com/IBM/sarama.NewConsumer":          {What: "Kafka consumer"},
	"github.com/IBM/sarama.NewConsumerGroup":     {What: "Kafka consumer group"},
	"github.com/Shopify/sarama.NewClient":        {What: "Kafka client"},
	"github.com/Shopify/sarama.NewSyncProducer":  {What: "Kafka producer"},
	"github.com/Shopify/sarama.NewAsyncProducer": {What: "Kafka producer"},
	// kafka-go: a Reader owns broker connections and a fetch goroutine.
	"github.com/segmentio/kafka-go.NewReader": {What: "Kafka reader"},

	// nats: a Conn owns a TCP connection, reconnect logic and goroutines.
	"github.com/nats-io/nats.go.Connect": {What: "NATS connection"},
	// Options.Connect is the same connection built from an Options value.
	"(github.com/nats-io/nats.go.Options).Connect": {What: "NATS connection"},
}

// PoolTypes lists struct types whose composite literal or new() creates a
// pool. &http.Transport{} owns idle connections that are never shared.
var PoolTypes = map[string]Pool{
	// With DisableKeepAlives a Transport closes each connection after its
	// request (https://pkg.go.dev/net/http#Transport): no idle
	// connections, no goroutines left behind.
	"net/http.Transport": {What: "HTTP transport (connection pool)", Unpooled: "DisableKeepAlives"},
}
