// Package boot stands for a library that installs a process's signal
// handlers (a sibling module's osutil.HandleInterrupts, a framework's
// setup). Here it installs none, so that only the scope decides what
// lifelint concludes: under the default scope this module is not analysed
// and Install is unknown; with -facts-from=example.com/lib it is analysed
// and known to handle nothing.
package boot

// Install would install the signal handlers.
func Install() {}
