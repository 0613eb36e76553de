// Package klog is a stub of k8s.io/klog/v2 for lifelint fixtures.
package klog

func Info(args ...any)                  {}
func Fatal(args ...any)                 {}
func Fatalf(format string, args ...any) {}
func Exitf(format string, args ...any)  {}
