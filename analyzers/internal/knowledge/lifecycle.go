package knowledge

// Process lifecycle APIs, for the shutdown pass: calls that exit the
// process, cleanup calls, signal handling and startup I/O. Keys are
// (*types.Func).FullName strings.

// ExitCalls end the process at once: deferred functions do not run, so no
// pool is closed and no server drains. (log.Panic is not listed: a panic
// runs the deferred calls of its goroutine.)
var ExitCalls = map[string]bool{
	// https://pkg.go.dev/os#Exit: "deferred functions are not run".
	"os.Exit": true,
	// log.Fatal* is Print followed by os.Exit(1).
	"log.Fatal":             true,
	"log.Fatalf":            true,
	"log.Fatalln":           true,
	"(*log.Logger).Fatal":   true,
	"(*log.Logger).Fatalf":  true,
	"(*log.Logger).Fatalln": true,
	// klog.Fatal* and Exit* flush and call os.Exit.
	// https://pkg.go.dev/k8s.io/klog/v2#Fatal
	"k8s.io/klog/v2.Fatal":        true,
	"k8s.io/klog/v2.Fatalf":       true,
	"k8s.io/klog/v2.Fatalln":      true,
	"k8s.io/klog/v2.FatalS":       true,
	"k8s.io/klog/v2.Exit":         true,
	"k8s.io/klog/v2.Exitf":        true,
	"k8s.io/klog/v2.Exitln":       true,
	"k8s.io/klog/v2.ExitS":        true,
	"k8s.io/klog/v2.FlushAndExit": true,
	// logrus Fatal* logs and calls logrus's exit handler (os.Exit).
	// https://pkg.go.dev/github.com/sirupsen/logrus#Fatal
	"github.com/sirupsen/logrus.Fatal":            true,
	"github.com/sirupsen/logrus.Fatalf":           true,
	"github.com/sirupsen/logrus.Fatalln":          true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf": true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":  true,
	// zap's Fatal level calls os.Exit(1) after writing.
	// https://pkg.go.dev/go.uber.org/zap#Logger.Fatal
	"(*go.uber.org/zap.Logger).Fatal":         true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":  true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf": true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw": true,
}

// Cleanups are calls that close a pool or stop a server: deferred, they are
// the cleanup that an exit call skips; on a pool kept for the process, one
// of them must run on shutdown.
var Cleanups = map[string]bool{
	// database/sql and its wrappers.
	"(*database/sql.DB).Close":                            true,
	"(*github.com/jmoiron/sqlx.DB).Close":                 true,
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Close":       true,
	"(*github.com/jackc/pgx/v5.Conn).Close":               true,
	"(*github.com/redis/go-redis/v9.Client).Close":        true,
	"(*github.com/redis/go-redis/v9.ClusterClient).Close": true,
	"(*google.golang.org/grpc.ClientConn).Close":          true,
	"(*github.com/rabbitmq/amqp091-go.Connection).Close":  true,
	"(*github.com/rabbitmq/amqp091-go.Channel).Close":     true,
	"(*github.com/nats-io/nats.go.Conn).Close":            true,
	"(*github.com/nats-io/nats.go.Conn).Drain":            true,
	"(*github.com/segmentio/kafka-go.Reader).Close":       true,
	"(*github.com/segmentio/kafka-go.Writer).Close":       true,
	// sarama's clients are interfaces.
	"(github.com/IBM/sarama.Client).Close":        true,
	"(github.com/IBM/sarama.SyncProducer).Close":  true,
	"(github.com/IBM/sarama.AsyncProducer).Close": true,
	"(github.com/IBM/sarama.ConsumerGroup).Close": true,
	// https://pkg.go.dev/go.mongodb.org/mongo-driver/mongo#Client.Disconnect
	"(*go.mongodb.org/mongo-driver/mongo.Client).Disconnect": true,
	// Servers: stopping one drains it.
	"(*net/http.Server).Shutdown":                   true,
	"(*net/http.Server).Close":                      true,
	"(*google.golang.org/grpc.Server).GracefulStop": true,
	"(*google.golang.org/grpc.Server).Stop":         true,
	"(*github.com/labstack/echo/v4.Echo).Shutdown":  true,
	"(*github.com/gofiber/fiber/v2.App).Shutdown":   true,
	"(*gopkg.in/telebot.v3.Bot).Stop":               true,
}

// ReleaseMethods are method names that release what their receiver holds,
// in any library or project: a value with one of them (a Store with Close,
// an http.Client with CloseIdleConnections) can release the pool it wraps,
// and a call of one on a pool releases it. Names, not keys, because every
// type has its own; the Cleanups above are the library methods among them.
var ReleaseMethods = map[string]bool{
	"Close": true, "Shutdown": true, "Stop": true, "GracefulStop": true, "Drain": true,
	// https://pkg.go.dev/go.mongodb.org/mongo-driver/mongo#Client.Disconnect
	"Disconnect": true,
	// https://pkg.go.dev/net/http#Transport.CloseIdleConnections
	"CloseIdleConnections": true,
	"Release":              true, "Cleanup": true, "Teardown": true, "Destroy": true, "Dispose": true,
	"Terminate": true,
}

// SignalHandlers subscribe to OS signals: a root that calls one can stop
// its servers on SIGTERM. https://pkg.go.dev/os/signal#NotifyContext
var SignalHandlers = map[string]bool{
	"os/signal.Notify":        true,
	"os/signal.NotifyContext": true,
}

// StartupIO are calls that do network I/O under the context they are given
// (CtxArg), or under context.Background when CtxArg is -1. At startup
// without a deadline they hang forever on an unreachable dependency and the
// container never becomes ready. Constructors that connect lazily
// (pgxpool.New, sql.Open, redis.NewClient) are not listed.
type StartupIO struct {
	CtxArg int
	// What names the dependency for messages.
	What string
}

// StartupCalls lists the startup I/O calls.
var StartupCalls = map[string]StartupIO{
	// Ping uses context.Background: https://pkg.go.dev/database/sql#DB.Ping
	"(*database/sql.DB).Ping":                      {CtxArg: -1, What: "database"},
	"(*database/sql.DB).PingContext":               {CtxArg: 0, What: "database"},
	"(*github.com/jackc/pgx/v5/pgxpool.Pool).Ping": {CtxArg: 0, What: "PostgreSQL"},
	"(*github.com/jackc/pgx/v5.Conn).Ping":         {CtxArg: 0, What: "PostgreSQL"},
	// pgx.Connect dials at once, unlike pgxpool.New.
	"github.com/jackc/pgx/v5.Connect":             {CtxArg: 0, What: "PostgreSQL"},
	"github.com/jackc/pgx/v5.ConnectConfig":       {CtxArg: 0, What: "PostgreSQL"},
	"(*github.com/redis/go-redis/v9.Client).Ping": {CtxArg: 0, What: "Redis"},
	// https://pkg.go.dev/go.mongodb.org/mongo-driver/mongo#Client.Ping
	"(*go.mongodb.org/mongo-driver/mongo.Client).Ping": {CtxArg: 0, What: "MongoDB"},
	// grpc.DialContext blocks on its context only with WithBlock, which
	// lifelint cannot see through options; not listed.
	// amqp091's DialConfig has a dial timeout; not listed.
}

// TermSignals are the signal values that stop a service under an
// orchestrator (SIGTERM), keyed by "path.Name"; OtherSignals are the other
// signals a Notify call commonly lists. A Notify or NotifyContext whose
// signals are all known and none of them is a TermSignal misses SIGTERM.
var (
	TermSignals = map[string]bool{
		"syscall.SIGTERM":               true,
		"golang.org/x/sys/unix.SIGTERM": true,
	}
	// InterruptSignals ask for a stop interactively (Ctrl-C): like
	// SIGTERM, the first one should start a graceful shutdown.
	InterruptSignals = map[string]bool{
		"os.Interrupt": true, "syscall.SIGINT": true, "golang.org/x/sys/unix.SIGINT": true,
	}
	OtherSignals = map[string]bool{
		"os.Interrupt": true, "os.Kill": true, "syscall.SIGINT": true, "syscall.SIGHUP": true,
		"syscall.SIGQUIT": true, "syscall.SIGUSR1": true, "syscall.SIGUSR2": true, "syscall.SIGKILL": true,
	}
)

// CLITypes are the types a command-line framework hands to the code of a
// command, keyed by "path.Name": a function that takes one, or that is
// registered as a command's action (a value inside such a function, or in
// a composite literal of one of these types), is the handler of a
// one-shot command. Exiting there is how the command reports failure, and
// an interactive command that traps SIGINT (to restore the terminal) is
// not stopped by an orchestrator.
var CLITypes = map[string]bool{
	// https://pkg.go.dev/github.com/spf13/cobra#Command (Run, RunE take it).
	"github.com/spf13/cobra.Command": true,
	// urfave/cli v1 and v2: an Action takes *cli.Context; Command and App
	// hold the actions. https://pkg.go.dev/github.com/urfave/cli/v2#ActionFunc
	"github.com/urfave/cli.Context":    true,
	"github.com/urfave/cli.Command":    true,
	"github.com/urfave/cli.App":        true,
	"github.com/urfave/cli/v2.Context": true,
	"github.com/urfave/cli/v2.Command": true,
	"github.com/urfave/cli/v2.App":     true,
	// urfave/cli v3: an Action takes (context.Context, *cli.Command).
	// https://pkg.go.dev/github.com/urfave/cli/v3#ActionFunc
	"github.com/urfave/cli/v3.Command": true,
	// A subcommand that parses its own flags: func(fs *flag.FlagSet).
	"flag.FlagSet": true,
}
