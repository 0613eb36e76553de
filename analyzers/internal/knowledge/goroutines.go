package knowledge

// Goroutine tracking APIs, for unsupervisedgo. Keys are
// (*types.Func).FullName strings.

// Spawner is a call that starts a goroutine tracked by its receiver. The
// goroutine is joined when Join is called on the same receiver.
type Spawner struct {
	// Join is the name of the receiver's method that waits for every
	// goroutine the receiver started.
	Join string
	// FuncArg is the index of the argument that runs in the goroutine.
	FuncArg int
}

// Spawners start goroutines on behalf of a tracking receiver.
var Spawners = map[string]Spawner{
	// Go 1.25: wg.Go(f) does Add(1), go f() and Done(); Wait joins.
	// https://pkg.go.dev/sync#WaitGroup.Go
	"(*sync.WaitGroup).Go": {Join: "Wait"},
	// errgroup: Go and TryGo start f; Wait joins and returns the first
	// error. https://pkg.go.dev/golang.org/x/sync/errgroup#Group.Go
	"(*golang.org/x/sync/errgroup.Group).Go":    {Join: "Wait"},
	"(*golang.org/x/sync/errgroup.Group).TryGo": {Join: "Wait"},
}

// TrackerDone are calls that a goroutine makes to mark itself finished on
// a tracker; the value is the tracker's join method.
var TrackerDone = map[string]string{
	// wg.Add(1); go func() { defer wg.Done(); ... }(); wg.Wait().
	"(*sync.WaitGroup).Done": "Wait",
}

// Joins are the calls that wait for every goroutine a tracker started.
var Joins = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
}

// TrackerTypes are the types of trackers: a goroutine handed one of these
// (go worker(&wg, ...)) is assumed to mark itself done on it.
var TrackerTypes = map[string]bool{
	"sync.WaitGroup":                   true,
	"golang.org/x/sync/errgroup.Group": true,
}

// NoReturn are calls after which control does not continue (the process
// exits or the goroutine panics); a path through them is not a path on
// which a launcher returns and leaves a goroutine behind.
var NoReturn = map[string]bool{
	"os.Exit":               true,
	"log.Fatal":             true,
	"log.Fatalf":            true,
	"log.Fatalln":           true,
	"log.Panic":             true,
	"log.Panicf":            true,
	"log.Panicln":           true,
	"(*log.Logger).Fatal":   true,
	"(*log.Logger).Fatalf":  true,
	"(*log.Logger).Fatalln": true,
}

// Semaphore is a weighted semaphore: each goroutine holds weight taken
// before it starts and gives it back with the Release call that keys
// SemaphoreReleases. Acquiring the whole weight, the constructor's
// argument WeightArg, waits until every goroutine has given its share
// back: a drain that joins them.
type Semaphore struct {
	New        string // constructor, by FuncName
	WeightArg  int    // index of the constructor's full-weight argument
	Acquire    string // the acquiring method, by FuncName
	AcquireArg int    // index of Acquire's weight argument
}

// SemaphoreReleases map a release call to its semaphore.
var SemaphoreReleases = map[string]Semaphore{
	// sem := semaphore.NewWeighted(n); go func() { defer sem.Release(1) }();
	// sem.Acquire(ctx, n) returns once all n are free (or ctx is done).
	// https://pkg.go.dev/golang.org/x/sync/semaphore#Weighted.Acquire
	"(*golang.org/x/sync/semaphore.Weighted).Release": {
		New:        "golang.org/x/sync/semaphore.NewWeighted",
		WeightArg:  0,
		Acquire:    "(*golang.org/x/sync/semaphore.Weighted).Acquire",
		AcquireArg: 1,
	},
}
