package config

import (
	"errors"
	"fmt"
	"strings"
)

// Validate checks every entry of s's tables and exclusions with the rules
// the passes read them by; it builds nothing. Empty entries are errors.
// Enable and Disable name passes, which this package does not know: the
// caller checks them (analyzers.Validate).
func Validate(s Settings) error {
	var errs []error
	check := func(key string, list []string, fn func(string) error) {
		for _, e := range list {
			if e = strings.TrimSpace(e); e == "" {
				errs = append(errs, fmt.Errorf("%s: empty entry", key))
				continue
			}
			if err := fn(e); err != nil {
				errs = append(errs, err)
			}
		}
	}
	check("handlers", s.Handlers, checkHandler)
	check("blocking", s.Blocking, checkBlocking)
	check("pools", s.Pools, checkPool)
	check("exclude", s.Exclude, checkExclude)
	return errors.Join(errs...)
}

// SplitList splits a -lifelintconfig.* flag value into its entries, as
// the flag does: at commas outside parentheses and brackets (signatures
// hold commas). Entries are trimmed; empty ones are kept, for Validate to
// reject.
func SplitList(v string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range v {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(v[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(v[start:]))
}
