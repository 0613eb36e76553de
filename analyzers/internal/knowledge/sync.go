package knowledge

// Synchronisation that makes creation happen once, for requestpool's
// guards. Keys are (*types.Func).FullName strings.

// OnceCalls run their function argument at most once:
// https://pkg.go.dev/sync#Once.Do, https://pkg.go.dev/sync#OnceValue.
var OnceCalls = map[string]bool{
	"(*sync.Once).Do": true,
	"sync.OnceFunc":   true,
	"sync.OnceValue":  true,
	"sync.OnceValues": true,
}

// LockCalls take an exclusive lock; UnlockCalls release it. Code between
// them (a get-or-create cache) runs for one caller at a time. RLock is not
// listed: two readers can both miss and both create.
var (
	LockCalls = map[string]bool{
		"(*sync.Mutex).Lock":   true,
		"(*sync.RWMutex).Lock": true,
	}
	UnlockCalls = map[string]bool{
		"(*sync.Mutex).Unlock":   true,
		"(*sync.RWMutex).Unlock": true,
	}
)

// MapLoads and MapStores are the two halves of a get-or-create on a
// concurrent map: a creation between a Load and a Store of the same
// function races (LoadOrStore is the atomic form):
// https://pkg.go.dev/sync#Map.LoadOrStore.
var (
	MapLoads  = map[string]bool{"(*sync.Map).Load": true}
	MapStores = map[string]bool{"(*sync.Map).Store": true}
)
