package main

import (
	"slices"
	"testing"
)

func TestScheduleBlocked(t *testing.T) {
	got, err := schedule(orderBlocked, 3, 1, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	var want []step
	for _, tool := range []int{1, 2, 0} {
		want = append(want, step{tool, "cold"}, step{tool, "warm"}, step{tool, "warm"}, step{tool, "incremental"})
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocked run 1 = %v, want %v", got, want)
	}
}

func TestScheduleInterleaved(t *testing.T) {
	got, err := schedule(orderInterleaved, 3, 1, 2, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []step{
		{1, "cold"}, {2, "cold"}, {0, "cold"},
		{1, "warm"}, {2, "warm"}, {0, "warm"},
		{2, "warm"}, {0, "warm"}, {1, "warm"},
		{0, "incremental"}, {1, "incremental"}, {2, "incremental"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("interleaved run 1 = %v, want %v", got, want)
	}
}

// TestScheduleProperties checks what the report relies on, for both
// orders: each tool has one cold run, the warm reruns asked for and one
// incremental rerun, its cold run first; interleaved, no warm rerun
// comes right after its own tool's cold run.
func TestScheduleProperties(t *testing.T) {
	for _, order := range []string{orderBlocked, orderInterleaved} {
		for n := 1; n <= 5; n++ {
			for i := range 4 {
				for _, incr := range []bool{false, true} {
					steps, err := schedule(order, n, i, 3, incr)
					if err != nil {
						t.Fatal(err)
					}
					for tool := range n {
						var phases []string
						for _, s := range steps {
							if s.tool == tool {
								phases = append(phases, s.phase)
							}
						}
						want := []string{"cold", "warm", "warm", "warm"}
						if incr {
							want = append(want, "incremental")
						}
						if !slices.Equal(phases, want) {
							t.Errorf("%s n=%d run %d: tool %d has %v, want %v", order, n, i, tool, phases, want)
						}
					}
					if order == orderInterleaved && n > 1 {
						for k := 1; k < len(steps); k++ {
							if steps[k-1].phase == "cold" && steps[k].phase == "warm" && steps[k-1].tool == steps[k].tool {
								t.Errorf("n=%d run %d: tool %d's warm rerun follows its cold run", n, i, steps[k].tool)
							}
						}
					}
				}
			}
		}
	}
	if _, err := schedule("random", 2, 0, 1, false); err == nil {
		t.Error("schedule accepted an unknown order")
	}
}
