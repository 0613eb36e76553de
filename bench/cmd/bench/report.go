package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

type report struct {
	set                string
	runs, done         int // runs asked for, runs completed
	goVersion          string
	corpus             corpus
	info               map[string]string
	patterns           []string
	start, end         time.Time
	loadStart, loadEnd string
	tools              []*tool
	measurements       []*measurement
}

// stats are the medians of one tool in one phase.
type stats struct {
	wall, cpu time.Duration
	rss       int64
	n         int
}

func (r *report) stats(t *tool, phase string) (stats, bool) {
	var walls, cpus []time.Duration
	var rsss []int64
	for _, m := range r.measurements {
		if m.tool == t && m.phase == phase {
			walls = append(walls, m.wall)
			cpus = append(cpus, m.cpu)
			rsss = append(rsss, m.rss)
		}
	}
	if len(walls) == 0 {
		return stats{}, false
	}
	return stats{median(walls), median(cpus), median(rsss), len(walls)}, true
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func (r *report) find(id string) *tool {
	for _, t := range r.tools {
		if t.id == id {
			return t
		}
	}
	return nil
}

// firstCold returns the findings of a tool's first cold run.
func (r *report) firstCold(t *tool) *measurement {
	for _, m := range r.measurements {
		if m.tool == t && m.phase == "cold" {
			return m
		}
	}
	return nil
}

func (r *report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	host, _ := os.Hostname()
	p("# lifelint benchmark: %s set\n\n", r.set)
	p("- Date: %s to %s UTC; machine %s, %d CPUs, %s.\n", r.start.Format("2006-01-02 15:04"), r.end.Format("15:04"), host, runtime.NumCPU(), r.goVersion)
	p("- Load average (1/5/15 min) at start: %s; at end: %s. Per-run load is in the raw table.\n", r.loadStart, r.loadEnd)
	p("- Corpus: %d packages, %d non-test lines (GoFiles+CgoFiles), patterns `%s`; modules: %s.\n",
		r.corpus.packages, r.corpus.lines, strings.Join(r.patterns, " "), strings.Join(r.corpus.modules, ", "))
	for _, k := range []string{"lifelint", "staticcheck"} {
		if v, ok := r.info[k]; ok {
			p("- %s: %s.\n", k, v)
		}
	}
	if r.done < r.runs {
		p("- **Partial report: %d of %d runs completed.**\n", r.done, r.runs)
	}
	p("- %d runs per tool, tools alternating; each run is a **cold** analysis cache (fresh copy of a GOCACHE holding the compiled packages but no vet results; empty STATICCHECK_CACHE), then a **warm** rerun on the same caches with no change. Medians below.\n\n", r.done)

	p("| tool | cold wall | cold CPU | cold peak RSS | warm wall | warm CPU | warm peak RSS | findings | exit |\n")
	p("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, t := range r.tools {
		c, _ := r.stats(t, "cold")
		w, _ := r.stats(t, "warm")
		nf, exit := 0, 0
		if m := r.firstCold(t); m != nil {
			nf, exit = m.findings.total(), m.exit
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %d | %d |\n", t.name, secs(c.wall), secs(c.cpu), mib(c.rss), secs(w.wall), secs(w.cpu), mib(w.rss), nf, exit)
	}
	l := r.find("lifelint")
	if l != nil {
		p("\n| ratio | cold wall | cold CPU | cold peak RSS | warm wall |\n|---|--:|--:|--:|--:|\n")
		lc, _ := r.stats(l, "cold")
		lw, _ := r.stats(l, "warm")
		for _, id := range []string{"govet", "staticcheck"} {
			o := r.find(id)
			if o == nil {
				continue
			}
			oc, _ := r.stats(o, "cold")
			ow, _ := r.stats(o, "warm")
			p("| lifelint / %s | %s | %s | %s | %s |\n", o.name,
				ratio(float64(lc.wall), float64(oc.wall)), ratio(float64(lc.cpu), float64(oc.cpu)),
				ratio(float64(lc.rss), float64(oc.rss)), ratio(float64(lw.wall), float64(ow.wall)))
		}
		p("\nTargets (issue 10), reported as measured:\n\n")
		if v := r.find("govet"); v != nil {
			vc, _ := r.stats(v, "cold")
			p("- cold wall ≤ 1.5× go vet: %s (%s).\n", yesno(float64(lc.wall) <= 1.5*float64(vc.wall)), ratio(float64(lc.wall), float64(vc.wall)))
		}
		p("- warm rerun ≤ 2 s: %s (%s).\n", yesno(lw.wall <= 2*time.Second), secs(lw.wall))
		if s := r.find("staticcheck"); s != nil {
			sc, _ := r.stats(s, "cold")
			p("- peak RSS ≤ staticcheck's (cold): %s (%s vs %s).\n", yesno(lc.rss <= sc.rss), mib(lc.rss), mib(sc.rss))
		}
		p("- precision ≥ 90%% per pass: see triage.md.\n")
	}

	p("\n## Findings per pass (first cold run)\n\n")
	for _, t := range r.tools {
		m := r.firstCold(t)
		if m == nil {
			continue
		}
		var parts []string
		for _, pass := range m.findings.passes() {
			parts = append(parts, fmt.Sprintf("%s %d", pass, m.findings.byPass[pass]))
		}
		if len(parts) == 0 {
			parts = []string{"none"}
		}
		p("- %s: %s", t.name, strings.Join(parts, ", "))
		if m.findings.panics > 0 {
			p(" (**it crashed %d times: `panic:` in its stderr; findings of the crashed packages are missing and the timings are not those of a working tool**)", m.findings.panics)
		}
		if m.findings.errors > 0 {
			p(" (plus %d other output lines: errors or warnings; see .cache/%s/out/%s-%d-cold*.txt)", m.findings.errors, r.set, t.id, m.run)
		}
		p(".\n")
	}
	// Warm reruns must replay the same findings from the cache.
	for _, m := range r.measurements {
		if fc := r.firstCold(m.tool); fc != nil && m.findings.total() != fc.findings.total() {
			p("- warning: %s run %d %s reported %d findings, the first cold run %d.\n", m.tool.name, m.run, m.phase, m.findings.total(), fc.findings.total())
		}
	}

	p("\n## All runs\n\n| run | tool | phase | wall | CPU | peak RSS (tree) | largest process | RSS samples | exit | findings | load avg at start |\n")
	p("|--:|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, m := range r.measurements {
		p("| %d | %s | %s | %s | %s | %s | %s | %d | %d | %d | %s |\n", m.run, m.tool.name, m.phase, secs(m.wall), secs(m.cpu), mib(m.rss), mib(m.rssMaxSingle), m.samples, m.exit, m.findings.total(), m.load)
	}
	return b.String()
}

// lifelintFindings returns the lifelint findings of the first cold run,
// one a line, for triage.
func (r *report) lifelintFindings() []byte {
	l := r.find("lifelint")
	if l == nil {
		return nil
	}
	m := r.firstCold(l)
	if m == nil {
		return nil
	}
	return []byte(strings.Join(append(m.findings.lines, ""), "\n"))
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func yesno(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}
