//go:build !unix

package main

import "time"

// processCPU is not measured on this system: the trace reports 0 CPU.
func processCPU() time.Duration { return 0 }
