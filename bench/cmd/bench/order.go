package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// The orders of the measurements of one run.
const (
	// orderInterleaved measures every tool cold, then the warm reruns in
	// rounds of one rerun per tool, then the incremental reruns, each
	// tool on a cache of its own. A warm rerun takes a few seconds and
	// the machine drifts over the minutes of a run (the load, the host):
	// in rounds a drift falls on every tool alike, the reruns being
	// minutes apart at most. The first slot of each round rotates, and
	// the first round starts with the tool whose cold run came first, so
	// no warm rerun follows its own tool's cold run straight away. That
	// does not remove the slow first reruns after a cold run (0.4 to
	// 2.4 s slower than the next, after a sync and 30 s idle too, and
	// after 17 minutes in the report at 7b2a0bd; cause not found:
	// bench/README.md, Caveats); every tool has one per run.
	orderInterleaved = "interleaved"
	// orderBlocked measures each tool's cold, warm and incremental runs
	// one after another, then the next tool's: the order before
	// interleaving, kept to compare with it.
	orderBlocked = "blocked"
)

// step is one measurement of a run: the tool, by its index in the tools
// measured, and the phase.
type step struct {
	tool  int
	phase string
}

// schedule returns the steps of run i (0-based) of n tools in order, with
// warm reruns per tool and an incremental rerun if incremental is set.
// The tools start in an order that rotates from run to run.
func schedule(order string, n, i, warm int, incremental bool) ([]step, error) {
	var phases []string
	for range warm {
		phases = append(phases, "warm")
	}
	if incremental {
		phases = append(phases, "incremental")
	}
	var steps []step
	switch order {
	case orderBlocked:
		for k := range n {
			t := (i + k) % n
			steps = append(steps, step{t, "cold"})
			for _, ph := range phases {
				steps = append(steps, step{t, ph})
			}
		}
	case orderInterleaved:
		for k := range n {
			steps = append(steps, step{(i + k) % n, "cold"})
		}
		for r, ph := range phases {
			for k := range n {
				steps = append(steps, step{(i + r + k) % n, ph})
			}
		}
	default:
		return nil, fmt.Errorf("-order %q: want %s or %s", order, orderInterleaved, orderBlocked)
	}
	return steps, nil
}

// runOnce measures run i of the tools in the order given, each tool on a
// GOCACHE, a STATICCHECK_CACHE and a user cache directory (XDG_CACHE_HOME:
// lifelint's listing and result caches) of its own that its cold run
// starts afresh, and returns the measurements in the order taken.
func (e *env) runOnce(tools []*tool, i, warm int, order string, ed *edit, tmpEnv []string, outDir string) ([]*measurement, error) {
	steps, err := schedule(order, len(tools), i, warm, ed != nil)
	if err != nil {
		return nil, err
	}
	caches := func(t *tool) (gocache, sc, user string) {
		return filepath.Join(e.work, "run-gocache-"+t.id), filepath.Join(e.work, "run-staticcheck-cache-"+t.id), filepath.Join(e.work, "run-usercache-"+t.id)
	}
	defer func() {
		for _, t := range tools {
			gc, sc, user := caches(t)
			os.RemoveAll(gc)
			os.RemoveAll(sc)
			os.RemoveAll(user)
		}
	}()
	var ms []*measurement
	for _, s := range steps {
		t := tools[s.tool]
		gocache, sc, user := caches(t)
		if s.phase == "cold" {
			for _, d := range []string{gocache, sc, user} {
				if err := os.RemoveAll(d); err != nil {
					return ms, err
				}
			}
			if err := copyCache(e.template, gocache); err != nil {
				return ms, err
			}
			for _, d := range []string{sc, user} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return ms, err
				}
			}
		}
		environ := append(os.Environ(), "GOCACHE="+gocache, "STATICCHECK_CACHE="+sc, "XDG_CACHE_HOME="+user)
		environ = append(environ, tmpEnv...)
		if s.phase == "incremental" {
			if err := os.WriteFile(ed.file, ed.edited, 0o644); err != nil {
				return ms, err
			}
		}
		m, err := e.measureTool(t, environ, s.phase, i+1, outDir)
		if s.phase == "incremental" {
			if rerr := os.WriteFile(ed.file, ed.orig, 0o644); rerr != nil && err == nil {
				err = rerr
			}
		}
		if err != nil {
			return ms, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}
