package knowledge

// Blocking describes a call that can block for an unbounded time without
// honouring a context.Context.
type Blocking struct {
	// Reason says, lowercase and without a subject, why the call blocks:
	// "sleeps without watching the request context".
	Reason string
	// Alternative is the context-aware replacement, in prose or as a key.
	Alternative string
	// CtxMethod, when set, names the Context variant of a method or function
	// that takes the same arguments preceded by a context (QueryRow ->
	// QueryRowContext(ctx, ...)), so that the fix is a mechanical rewrite.
	CtxMethod string
	// CtxExtra holds arguments the Context variant needs after ctx that
	// the original did not take ("nil" for BeginTx's *sql.TxOptions).
	CtxExtra string
	// Builder, when set, is the function that builds the receiver of a
	// method entry, and BuilderCtx its context-taking variant: the call
	// blocks only when its receiver traces back to Builder (exec.Command),
	// and the fix renames Builder's call to BuilderCtx(ctx, ...). A
	// receiver that cannot be traced is not reported.
	Builder, BuilderCtx string
	// Receive marks a function returning a channel: the receive from its
	// result blocks, unless it is a case of a select that also waits on
	// the context's Done channel (time.After).
	Receive bool
	// QuickNetworks, for a dial, lists the networks whose dial does not
	// wait (a datagram socket's connect only records its peer), and
	// NetworkArg is the index of the call's network argument: a call
	// whose network is one of them, as a constant, is not reported.
	QuickNetworks []string
	NetworkArg    int
	// Since is the lifelint version that added the entry.
	Since string
}

// datagramLocal are the networks whose connect never waits for a peer: a
// unix datagram socket's connect records the peer address and returns
// (unix(7)), with no handshake and no name to resolve.
var datagramLocal = []string{"unixgram"}

// BlockingCalls lists calls that block without a context. Keys are
// (*types.Func).FullName strings.
var BlockingCalls = map[string]Blocking{
	// time.Sleep cannot be interrupted; a handler sleeping through a client
	// disconnect or SIGTERM holds its goroutine and delays shutdown.
	"time.Sleep": {Reason: "sleeps without watching the context", Alternative: "a select on ctx.Done() and a time.Timer"},

	// Package-level helpers of net/http use http.DefaultClient and build a
	// request without a context: https://pkg.go.dev/net/http#Get.
	"net/http.Get":      {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"net/http.Head":     {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"net/http.Post":     {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"net/http.PostForm": {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	// The same helpers on a Client build a context-less request.
	"(*net/http.Client).Get":      {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"(*net/http.Client).Head":     {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"(*net/http.Client).Post":     {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},
	"(*net/http.Client).PostForm": {Reason: "sends a request that ignores the context", Alternative: "http.NewRequestWithContext and (*http.Client).Do"},

	// database/sql: every method below has a Context variant with the same
	// arguments after ctx (https://pkg.go.dev/database/sql). Without it a
	// slow query outlives the request and keeps a pool connection busy.
	"(*database/sql.DB).Query":      {Reason: "runs a query that ignores the context", CtxMethod: "QueryContext"},
	"(*database/sql.DB).QueryRow":   {Reason: "runs a query that ignores the context", CtxMethod: "QueryRowContext"},
	"(*database/sql.DB).Exec":       {Reason: "runs a statement that ignores the context", CtxMethod: "ExecContext"},
	"(*database/sql.DB).Prepare":    {Reason: "prepares a statement ignoring the context", CtxMethod: "PrepareContext"},
	"(*database/sql.DB).Begin":      {Reason: "begins a transaction ignoring the context", CtxMethod: "BeginTx", CtxExtra: "nil", Alternative: "BeginTx(ctx, nil)"},
	"(*database/sql.DB).Ping":       {Reason: "pings the database ignoring the context", CtxMethod: "PingContext"},
	"(*database/sql.Tx).Query":      {Reason: "runs a query that ignores the context", CtxMethod: "QueryContext"},
	"(*database/sql.Tx).QueryRow":   {Reason: "runs a query that ignores the context", CtxMethod: "QueryRowContext"},
	"(*database/sql.Tx).Exec":       {Reason: "runs a statement that ignores the context", CtxMethod: "ExecContext"},
	"(*database/sql.Tx).Prepare":    {Reason: "prepares a statement ignoring the context", CtxMethod: "PrepareContext"},
	"(*database/sql.Tx).Stmt":       {Reason: "binds a statement ignoring the context", CtxMethod: "StmtContext"},
	"(*database/sql.Stmt).Query":    {Reason: "runs a query that ignores the context", CtxMethod: "QueryContext"},
	"(*database/sql.Stmt).QueryRow": {Reason: "runs a query that ignores the context", CtxMethod: "QueryRowContext"},
	"(*database/sql.Stmt).Exec":     {Reason: "runs a statement that ignores the context", CtxMethod: "ExecContext"},
	// sqlx mirrors database/sql and adds its own ctx-less helpers:
	// https://pkg.go.dev/github.com/jmoiron/sqlx.
	"(*github.com/jmoiron/sqlx.DB).Get":          {Reason: "runs a query that ignores the context", CtxMethod: "GetContext"},
	"(*github.com/jmoiron/sqlx.DB).Select":       {Reason: "runs a query that ignores the context", CtxMethod: "SelectContext"},
	"(*github.com/jmoiron/sqlx.DB).Queryx":       {Reason: "runs a query that ignores the context", CtxMethod: "QueryxContext"},
	"(*github.com/jmoiron/sqlx.DB).QueryRowx":    {Reason: "runs a query that ignores the context", CtxMethod: "QueryRowxContext"},
	"(*github.com/jmoiron/sqlx.DB).NamedExec":    {Reason: "runs a statement that ignores the context", CtxMethod: "NamedExecContext"},
	"(*github.com/jmoiron/sqlx.DB).MustExec":     {Reason: "runs a statement that ignores the context", CtxMethod: "MustExecContext"},
	"(*github.com/jmoiron/sqlx.DB).Beginx":       {Reason: "begins a transaction ignoring the context", Alternative: "BeginTxx(ctx, nil)"},
	"(*github.com/jmoiron/sqlx.Tx).Get":          {Reason: "runs a query that ignores the context", CtxMethod: "GetContext"},
	"(*github.com/jmoiron/sqlx.Tx).Select":       {Reason: "runs a query that ignores the context", CtxMethod: "SelectContext"},
	"(*github.com/jmoiron/sqlx.Tx).NamedExec":    {Reason: "runs a statement that ignores the context", CtxMethod: "NamedExecContext"},
	"(*github.com/jmoiron/sqlx.DB).NamedQuery":   {Reason: "runs a query that ignores the context", CtxMethod: "NamedQueryContext"},
	"(*github.com/jmoiron/sqlx.DB).Preparex":     {Reason: "prepares a statement ignoring the context", CtxMethod: "PreparexContext"},
	"(*github.com/jmoiron/sqlx.DB).PrepareNamed": {Reason: "prepares a statement ignoring the context", CtxMethod: "PrepareNamedContext"},
	"(*github.com/jmoiron/sqlx.DB).MustBegin":    {Reason: "begins a transaction ignoring the context", Alternative: "MustBeginTx(ctx, nil)"},
	"(*github.com/jmoiron/sqlx.Tx).Queryx":       {Reason: "runs a query that ignores the context", CtxMethod: "QueryxContext"},
	"(*github.com/jmoiron/sqlx.Tx).QueryRowx":    {Reason: "runs a query that ignores the context", CtxMethod: "QueryRowxContext"},
	"(*github.com/jmoiron/sqlx.Tx).MustExec":     {Reason: "runs a statement that ignores the context", CtxMethod: "MustExecContext"},
	"(*github.com/jmoiron/sqlx.Tx).Preparex":     {Reason: "prepares a statement ignoring the context", CtxMethod: "PreparexContext"},
	"(*github.com/jmoiron/sqlx.Tx).PrepareNamed": {Reason: "prepares a statement ignoring the context", CtxMethod: "PrepareNamedContext"},
	// Package-level sqlx helpers take a Queryer; the Context forms take a
	// QueryerContext, which *sqlx.DB and *sqlx.Tx both implement.
	"github.com/jmoiron/sqlx.Get":       {Reason: "runs a query that ignores the context", CtxMethod: "GetContext"},
	"github.com/jmoiron/sqlx.Select":    {Reason: "runs a query that ignores the context", CtxMethod: "SelectContext"},
	"github.com/jmoiron/sqlx.NamedExec": {Reason: "runs a statement that ignores the context", CtxMethod: "NamedExecContext"},

	// time.After's channel fires after d whatever the context does;
	// receiving from it outside a select on ctx.Done() sleeps.
	"time.After": {Reason: "waits for a timer without watching the context", Alternative: "a select on ctx.Done() and the timer", Receive: true},

	// os/exec without a context cannot be killed when the request ends. A
	// command built by CommandContext is killed with its context, so only
	// receivers traced to exec.Command count.
	"(*os/exec.Cmd).Run":            {Reason: "waits for a process that the context cannot kill", Alternative: "exec.CommandContext(ctx, ...)", Builder: "os/exec.Command", BuilderCtx: "CommandContext"},
	"(*os/exec.Cmd).Output":         {Reason: "waits for a process that the context cannot kill", Alternative: "exec.CommandContext(ctx, ...)", Builder: "os/exec.Command", BuilderCtx: "CommandContext"},
	"(*os/exec.Cmd).CombinedOutput": {Reason: "waits for a process that the context cannot kill", Alternative: "exec.CommandContext(ctx, ...)", Builder: "os/exec.Command", BuilderCtx: "CommandContext"},
	// Start then Wait in the same request is Run; a Start alone (a process
	// meant to outlive the request) is not listed.
	"(*os/exec.Cmd).Wait": {Reason: "waits for a process that the context cannot kill", Alternative: "exec.CommandContext(ctx, ...)", Builder: "os/exec.Command", BuilderCtx: "CommandContext"},

	// net: dialing and resolving without a context block for the OS
	// timeout (minutes). https://pkg.go.dev/net#Dialer.DialContext
	"net.Dial":        {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext", QuickNetworks: datagramLocal},
	"net.DialTimeout": {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext", QuickNetworks: datagramLocal},
	"net.DialTCP":     {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext"},
	"net.DialUDP":     {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext"},
	"net.DialUnix":    {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext", QuickNetworks: datagramLocal},
	"net.DialIP":      {Reason: "dials without a context", Alternative: "(*net.Dialer).DialContext"},
	// net/smtp has no context at all: SendMail dials, greets, sends and
	// quits under the OS timeouts. https://pkg.go.dev/net/smtp
	"net/smtp.SendMail":  {Reason: "dials and talks to the mail server without a context", Alternative: "(*net.Dialer).DialContext with smtp.NewClient and deadlines from ctx"},
	"net/smtp.Dial":      {Reason: "dials the mail server without a context", Alternative: "(*net.Dialer).DialContext with smtp.NewClient"},
	"(*net.Dialer).Dial": {Reason: "dials without a context", CtxMethod: "DialContext", QuickNetworks: datagramLocal},
	"net.LookupHost":     {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupHost"},
	"net.LookupIP":       {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupIPAddr"},
	"net.LookupAddr":     {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupAddr"},
	"net.LookupCNAME":    {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupCNAME"},
	"net.LookupMX":       {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupMX"},
	"net.LookupNS":       {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupNS"},
	"net.LookupPort":     {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupPort"},
	"net.LookupSRV":      {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupSRV"},
	"net.LookupTXT":      {Reason: "resolves without a context", Alternative: "(*net.Resolver).LookupTXT"},
	// ResolveTCPAddr and ResolveUDPAddr look host names up with the
	// default resolver and no context: https://pkg.go.dev/net#ResolveTCPAddr
	"net.ResolveTCPAddr":        {Reason: "resolves a host name without a context", Alternative: "(*net.Resolver).LookupNetIP(ctx, ...)"},
	"net.ResolveUDPAddr":        {Reason: "resolves a host name without a context", Alternative: "(*net.Resolver).LookupNetIP(ctx, ...)"},
	"crypto/tls.Dial":           {Reason: "dials without a context", Alternative: "(*tls.Dialer).DialContext"},
	"crypto/tls.DialWithDialer": {Reason: "dials without a context", Alternative: "(*tls.Dialer).DialContext"},

	// grpc.Dial blocks until the connection is up when WithBlock is set,
	// and never watches a context; DialContext and NewClient do.
	"google.golang.org/grpc.Dial": {Reason: "dials without a context (and blocks with WithBlock)", Alternative: "grpc.NewClient, or grpc.DialContext(ctx, ...)"},

	// amqp091: Publish is deprecated for PublishWithContext, which stops
	// waiting for flow control when the context ends.
	"(*github.com/rabbitmq/amqp091-go.Channel).Publish": {Reason: "publishes without a context", CtxMethod: "PublishWithContext"},

	// nats.go: the timeout-only forms have WithContext variants.
	"(*github.com/nats-io/nats.go.Conn).Request":         {Reason: "waits for a reply without the context", Alternative: "(*nats.Conn).RequestWithContext(ctx, ...)"},
	"(*github.com/nats-io/nats.go.Conn).Flush":           {Reason: "waits for the server without the context", Alternative: "(*nats.Conn).FlushWithContext(ctx)"},
	"(*github.com/nats-io/nats.go.Subscription).NextMsg": {Reason: "waits for a message without the context", Alternative: "(*nats.Subscription).NextMsgWithContext(ctx)"},

	// amqp091: the deferred-confirm publish and its Wait have Context
	// variants too; Wait blocks until the broker confirms, which can take
	// as long as flow control or a blocked connection lasts.
	"(*github.com/rabbitmq/amqp091-go.Channel).PublishWithDeferredConfirm": {Reason: "publishes without a context", CtxMethod: "PublishWithDeferredConfirmWithContext"},
	"(*github.com/rabbitmq/amqp091-go.DeferredConfirmation).Wait":          {Reason: "waits for the broker's confirmation without a context", CtxMethod: "WaitContext"},

	// sarama: a SyncProducer waits for the broker's acknowledgement (up to
	// Producer.Timeout, times Producer.Retry.Max) and takes no context at
	// all, in the old Shopify path and in the IBM one.
	// https://pkg.go.dev/github.com/IBM/sarama#SyncProducer
	"(github.com/IBM/sarama.SyncProducer).SendMessage":      {Reason: "waits for the broker's acknowledgement without a context", Alternative: "an AsyncProducer, waiting on Successes()/Errors() in a select with ctx.Done()"},
	"(github.com/IBM/sarama.SyncProducer).SendMessages":     {Reason: "waits for the broker's acknowledgement without a context", Alternative: "an AsyncProducer, waiting on Successes()/Errors() in a select with ctx.Done()"},
	"(github.com/Shopify/sarama.SyncProducer).SendMessage":  {Reason: "waits for the broker's acknowledgement without a context", Alternative: "an AsyncProducer, waiting on Successes()/Errors() in a select with ctx.Done()"},
	"(github.com/Shopify/sarama.SyncProducer).SendMessages": {Reason: "waits for the broker's acknowledgement without a context", Alternative: "an AsyncProducer, waiting on Successes()/Errors() in a select with ctx.Done()"},

	// Deliberately absent: pgx, go-redis v8/v9, mongo-driver and
	// aws-sdk-go-v2 take a context in every call that does I/O, so their
	// misuse is passing the wrong context (context.Background, *gin.Context),
	// which handlerblock checks at the argument. resty's ctx-less requests
	// depend on whether SetContext was called: see CtxChains.
}

// CtxChain describes a builder type whose queries take their context from
// one method of the chain (db.WithContext(ctx).Where(...).First(&u)) and
// otherwise run under context.Background.
type CtxChain struct {
	// With is the method that attaches the context.
	With string
	// Runs lists the methods that execute the query.
	Runs []string
	// Start lists methods (of another type) that return a fresh builder
	// with no context, such as resty's (*Client).R. A chain rooted at
	// such a call with no With is reported wherever the client comes from.
	Start []string
	// What says, lowercase, what a Runs method does without the context.
	What string
}

// CtxChains lists builder types keyed by "path.Type" of the receiver.
var CtxChains = map[string]CtxChain{
	// gorm v2 runs every statement under Statement.Context, which is
	// context.Background unless WithContext (or Session{Context}) set it:
	// https://gorm.io/docs/context.html
	"gorm.io/gorm.DB": {With: "WithContext", What: "runs the query under context.Background", Runs: []string{
		"First", "Last", "Take", "Find", "FindInBatches", "FirstOrInit", "FirstOrCreate",
		"Create", "CreateInBatches", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns",
		"Delete", "Count", "Pluck", "Scan", "Row", "Rows", "Exec", "Transaction", "Begin",
	}},
	// resty v2 sends a request under context.Background unless
	// SetContext is in its chain; (*Client).R and NewRequest start a fresh
	// request: https://pkg.go.dev/github.com/go-resty/resty/v2#Request.SetContext
	"github.com/go-resty/resty/v2.Request": {With: "SetContext", What: "sends the request without a context",
		Start: []string{"R", "NewRequest"},
		Runs:  []string{"Get", "Head", "Post", "Put", "Delete", "Options", "Patch", "Send", "Execute"}},
}
