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
	warmRuns           int // warm reruns after each cold run
	goVersion          string
	corpus             corpus
	info               map[string]string
	patterns           []string
	start, end         time.Time
	loadStart, loadEnd string
	tools              []*tool
	measurements       []*measurement
	leaf               string // the incremental case's edit, "" for none
	gotmpdir           string // where the go command's work directories went
	order              string // orderInterleaved or orderBlocked
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
	p("- Load average (1/5/15 min) at start: %s; at end: %s. The load at the start of every measurement is in the table of all runs.\n", r.loadStart, r.loadEnd)
	p("- Corpus: %d packages, %d non-test lines (GoFiles+CgoFiles), patterns `%s`; modules: %s.\n",
		r.corpus.packages, r.corpus.lines, strings.Join(r.patterns, " "), strings.Join(r.corpus.modules, ", "))
	for _, k := range []string{"lifelint", "staticcheck", "floor", "typecheck"} {
		if v, ok := r.info[k]; ok && r.find(k) != nil {
			p("- %s: %s.\n", k, v)
		}
	}
	if r.gotmpdir != "" {
		p("- GOTMPDIR (the go command's work directories) of every measured run: %s.\n", r.gotmpdir)
	}
	if r.done < r.runs {
		p("- **Partial report: %d of %d runs completed.**\n", r.done, r.runs)
	}
	p("- %d runs per tool, tools alternating; each run is a **cold** analysis cache (fresh copy of a GOCACHE holding the compiled packages but no vet results; empty STATICCHECK_CACHE), then %s on the same caches with no change", r.done, warmReruns(r.warmRuns))
	if r.leaf != "" {
		p(", then an **incremental** rerun on those caches after an edit of the leaf package %s", r.leaf)
	}
	p(". ")
	switch r.order {
	case orderInterleaved:
		p("Order within a run: every tool's cold run, then the warm reruns in rounds of one per tool (the first slot rotating, the first round starting with the tool whose cold run came first), then the incremental reruns; each tool on caches of its own, so that a drift of the machine over a run falls on every tool alike and no warm rerun follows its own cold run at once (`-order=%s`). ", orderInterleaved)
	case orderBlocked:
		p("Order within a run: each tool's cold, warm and incremental runs one after another (`-order=%s`). ", orderBlocked)
	}
	p("Medians below.\n\n")

	p("| tool | cold wall | cold CPU | cold peak RSS | warm wall | warm CPU | warm peak RSS | incremental wall | incremental CPU | findings | exit |\n")
	p("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, t := range r.tools {
		c, _ := r.stats(t, "cold")
		w, _ := r.stats(t, "warm")
		iw, icpu := "n/a", "n/a"
		if in, ok := r.stats(t, "incremental"); ok {
			iw, icpu = secs(in.wall), secs(in.cpu)
		}
		nf, exit := 0, 0
		if m := r.firstCold(t); m != nil {
			nf, exit = m.findings.total(), m.exit
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d |\n", t.name, secs(c.wall), secs(c.cpu), mib(c.rss), secs(w.wall), secs(w.cpu), mib(w.rss), iw, icpu, nf, exit)
	}
	l := r.find("lifelint")
	if l != nil {
		r.ratios(p, l)
		r.targets(p, l)
		r.passShares(p, l)
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
	// Warm, incremental and traced reruns must report what the first
	// cold run did (the incremental edit is a comment; the trace changes
	// no output).
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

// ratios writes lifelint's ratios to go vet, staticcheck and the floor.
func (r *report) ratios(p func(string, ...any), l *tool) {
	p("\n| ratio | cold wall | cold CPU | cold peak RSS | warm wall | incremental wall |\n|---|--:|--:|--:|--:|--:|\n")
	lc, _ := r.stats(l, "cold")
	lw, _ := r.stats(l, "warm")
	li, lok := r.stats(l, "incremental")
	for _, id := range []string{"govet", "staticcheck", "floor", "typecheck"} {
		o := r.find(id)
		if o == nil {
			continue
		}
		oc, _ := r.stats(o, "cold")
		ow, _ := r.stats(o, "warm")
		inc := "n/a"
		if oi, ok := r.stats(o, "incremental"); ok && lok {
			inc = ratio(float64(li.wall), float64(oi.wall))
		}
		p("| lifelint / %s | %s | %s | %s | %s | %s |\n", o.name,
			ratio(float64(lc.wall), float64(oc.wall)), ratio(float64(lc.cpu), float64(oc.cpu)),
			ratio(float64(lc.rss), float64(oc.rss)), ratio(float64(lw.wall), float64(ow.wall)), inc)
	}
}

// targets writes the targets of issues 18 and 10 as met or not met.
func (r *report) targets(p func(string, ...any), l *tool) {
	lc, _ := r.stats(l, "cold")
	lw, _ := r.stats(l, "warm")
	p("\nTargets (issue 18), reported as measured:\n\n")
	if v := r.find("govet"); v != nil {
		vc, _ := r.stats(v, "cold")
		vw, _ := r.stats(v, "warm")
		p("- cold wall ≤ 1.0× go vet: %s (%s).\n", yesno(lc.wall <= vc.wall), ratio(float64(lc.wall), float64(vc.wall)))
		p("- cold CPU ≤ 1.0× go vet: %s (%s).\n", yesno(lc.cpu <= vc.cpu), ratio(float64(lc.cpu), float64(vc.cpu)))
		p("- cold peak RSS ≤ go vet's: %s (%s vs %s).\n", yesno(lc.rss <= vc.rss), mib(lc.rss), mib(vc.rss))
		p("- warm rerun ≤ go vet's: %s (%s vs %s).\n", yesno(lw.wall <= vw.wall), secs(lw.wall), secs(vw.wall))
	}
	for _, id := range []string{"floor", "typecheck"} {
		f := r.find(id)
		if f == nil {
			continue
		}
		fc, _ := r.stats(f, "cold")
		p("- the passes add at most 30%% of the %s's CPU, taken as lifelint's cold CPU ≤ 1.30× the %s's: %s (%s; lifelint %s, %s %s).\n",
			f.name, f.name, yesno(float64(lc.cpu) <= 1.3*float64(fc.cpu)), ratio(float64(lc.cpu), float64(fc.cpu)), secs(lc.cpu), f.name, secs(fc.cpu))
		if m := r.profileRun(l); m != nil && fc.cpu > 0 {
			p("  - counting only the CPU the trace charges to the analyzers' Run (passes and what they require): %s (%s of the %s's %s, %.0f%%).\n",
				yesno(float64(m.profile.total()) <= 0.3*float64(fc.cpu)), secs2(m.profile.total()), f.name, secs(fc.cpu), 100*float64(m.profile.total())/float64(fc.cpu))
		}
	}
	p("\nTargets (issue 10):\n\n")
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

// profileRun returns lifelint's first traced run that traced something.
func (r *report) profileRun(l *tool) *measurement {
	for _, m := range r.measurements {
		if m.tool == l && m.phase == "profile" && m.profile != nil && len(m.profile.costs) > 0 {
			return m
		}
	}
	return nil
}

// passShares writes each analyzer's share of lifelint's cold CPU, from the
// trace of the first profile run.
func (r *report) passShares(p func(string, ...any), l *tool) {
	var traced bool
	for _, m := range r.measurements {
		traced = traced || (m.tool == l && m.phase == "profile")
	}
	if !traced {
		return
	}
	p("\n## Each pass's share of lifelint's cold CPU\n\n")
	m := r.profileRun(l)
	if m == nil {
		p("The profile run traced nothing: this lifelint binary does not write LIFELINT_TRACE.\n")
		return
	}
	pr := m.profile
	lc, _ := r.stats(l, "cold")
	p("Method: a separate cold run of lifelint (run %d, load %s) with `LIFELINT_TRACE` set: every vet tool process appends the CPU time (user+system, garbage collection included) of each analyzer's Run, analyzers run one at a time in that process (cmd/lifelint/trace.go). ", m.run, m.load)
	p("It took %s CPU and %s wall (the untraced cold median: %s CPU, %s wall) and traced %d vet tool processes: %d on packages of the set and their test variants, %d on dependencies analyzed only for facts, and %d on dependencies outside the modules under analysis that the scope fast path skipped without analysing (the standard library among them).\n\n",
		secs(m.cpu), secs(m.wall), secs(lc.cpu), secs(lc.wall), pr.vetRoot+pr.vetFacts+pr.vetSkipped, pr.vetRoot, pr.vetFacts, pr.vetSkipped)
	p("| analyzer | kind | CPU on the set | CPU on dependencies (facts) | total CPU | share of the run's CPU | runs (set / deps) |\n|---|---|--:|--:|--:|--:|--:|\n")
	share := func(d time.Duration) string {
		if m.cpu == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(d)/float64(m.cpu))
	}
	for _, c := range pr.sorted() {
		kind := "required (shared)"
		if slices.Contains(l.served, c.name) {
			kind = "served"
		}
		p("| %s | %s | %s | %s | %s | %s | %d / %d |\n", c.name, kind, secs2(c.cpuRoot), secs2(c.cpuFacts), secs2(c.cpu()), share(c.cpu()), c.runsRoot, c.runsFacts)
	}
	p("| all analyzers | | | | %s | %s | |\n", secs2(pr.total()), share(pr.total()))
	rest := m.cpu - pr.total()
	p("| outside Run: the go command, parsing, type checking, facts I/O, process start | | | | %s | %s | |\n", secs2(rest), share(rest))
	if pr.bad > 0 {
		p("\n%d lines of the trace could not be read.\n", pr.bad)
	}
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

// secs2 is secs with hundredths, for the small per-analyzer figures.
func secs2(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

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

// warmReruns describes the warm phase of a run.
func warmReruns(n int) string {
	if n <= 1 {
		return "a **warm** rerun"
	}
	return fmt.Sprintf("%d **warm** reruns (their figures are medians over all of them, as the warm wall time of one varies by a second or more here)", n)
}
