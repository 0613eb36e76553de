package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// sampleEvery is how often the peak RSS of the process tree is sampled.
const sampleEvery = 20 * time.Millisecond

// measurement is one timed run of one tool.
type measurement struct {
	tool           *tool
	phase          string // cold, warm, incremental or profile
	run            int
	load           string // load average when it started
	wall, cpu      time.Duration
	rss            int64 // peak RSS of the process tree, bytes
	rssMaxSingle   int64 // largest RSS of any one process (getrusage), bytes
	samples        int
	exit           int
	stdout, stderr []byte
	findings       findings
	profile        *profile // the trace of a profile run
}

// measure runs argv in dir and returns its wall time, the CPU time
// (user+sys) of the process and all its descendants (cmd/go waits for the
// vet processes it starts, so they count), and the peak of the summed RSS
// of the process and all its live descendants, sampled from /proc.
func measure(dir string, environ, argv []string) (*measurement, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = environ
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Flush the page cache's dirty pages first: what the previous step
	// wrote (a copy of the template GOCACHE before a cold run, the cold
	// run's cache entries before a warm rerun) is otherwise written back
	// during this measurement and charged to it. The first warm reruns
	// after a cold run were up to 2 s slower than the later ones.
	syscall.Sync()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var peak int64
	var samples int
	wg.Go(func() {
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		for {
			if rss := treeRSS(cmd.Process.Pid); rss > peak {
				peak = rss
			}
			samples++
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	err := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	wg.Wait()
	m := &measurement{wall: wall, rss: peak, samples: samples, stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return nil, err
		}
	}
	st := cmd.ProcessState
	m.exit = st.ExitCode()
	m.cpu = st.UserTime() + st.SystemTime()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		// ru_maxrss of a waited-for child covers its descendants too, but
		// as the largest single process, in KiB.
		m.rssMaxSingle = ru.Maxrss * 1024
	}
	if m.rssMaxSingle > m.rss {
		// The sampler missed a short peak; the largest single process
		// is a lower bound of the tree's peak.
		m.rss = m.rssMaxSingle
	}
	return m, nil
}

var pageSize = int64(os.Getpagesize())

// treeRSS returns the summed resident set size of root and every process
// below it, read from /proc/<pid>/stat.
func treeRSS(root int) int64 {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	type proc struct {
		ppid int
		rss  int64
	}
	procs := map[int]proc{}
	for _, ent := range ents {
		pid, err := strconv.Atoi(ent.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + ent.Name() + "/stat")
		if err != nil {
			continue // exited meanwhile
		}
		ppid, rss, ok := parseStat(data)
		if ok {
			procs[pid] = proc{ppid, rss}
		}
	}
	children := map[int][]int{}
	for pid, p := range procs {
		children[p.ppid] = append(children[p.ppid], pid)
	}
	var sum int64
	queue := []int{root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		sum += procs[pid].rss * pageSize
		queue = append(queue, children[pid]...)
	}
	return sum
}

// parseStat returns the parent pid and the RSS in pages from the contents
// of /proc/<pid>/stat. The command name (field 2) may hold spaces and
// parentheses, so fields are counted after its last ')'.
func parseStat(data []byte) (ppid int, rss int64, ok bool) {
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(data[i+1:]))
	// f[0] is field 3 (state), so field n is f[n-3].
	if len(f) < 22 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	rss, err2 := strconv.ParseInt(f[21], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return ppid, rss, true
}

func mib(b int64) string {
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}
