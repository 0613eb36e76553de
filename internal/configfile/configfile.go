// Package configfile finds and reads .lifelint.yml, the CLI's
// configuration file. Its keys are those of analyzers.Settings (the same as
// the golangci-lint plugin's settings and the -lifelintconfig.* flags):
//
//	enable:   [handlerblock]          # passes to run; empty means all
//	disable:  [requestpool]           # passes not to run
//	handlers: ["func(*example.com/bus.Message) error"]
//	blocking: ["(*example.com/queue.Client).Pop"]
//	pools:    ["example.com/db.Open", "&example.com/db.Pool"]
//	exclude:  ["internal/legacy/**", "**/*_gen.go"]
package configfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/lifelint/lifelint/analyzers"
	"go.yaml.in/yaml/v3"
)

// Name is the file name looked up.
const Name = ".lifelint.yml"

// Find returns the path of the nearest .lifelint.yml in dir or one of its
// parents, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, Name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the file at path. Errors name the file and,
// where YAML gives one, the line.
func Load(path string) (analyzers.Settings, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return analyzers.Settings{}, err
	}
	s, err := Parse(data)
	if err != nil {
		return s, fmt.Errorf("%s: %v", path, err)
	}
	return s, nil
}

// Parse decodes and validates the YAML in data: unknown keys, values of
// the wrong type, a second document and invalid entries are errors.
func Parse(data []byte) (analyzers.Settings, error) {
	var s analyzers.Settings
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return s, nil // an empty file is an empty configuration
		}
		return s, cleanErr(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return s, fmt.Errorf("line %d: a second YAML document; the file must hold one mapping", extra.Line)
	} else if !errors.Is(err, io.EOF) {
		return s, cleanErr(err)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return s, nil
	}
	if doc.Kind != yaml.MappingNode {
		return s, fmt.Errorf("line %d: the file must be a mapping of keys (%s), not a %s", doc.Line, strings.Join(keys(), ", "), kindName(doc))
	}
	known := keys()
	lines := map[string]int{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if !contains(known, k.Value) {
			return s, fmt.Errorf("line %d: unknown key %q (known keys: %s)", k.Line, k.Value, strings.Join(known, ", "))
		}
		if _, dup := lines[k.Value]; dup {
			return s, fmt.Errorf("line %d: key %q appears twice", k.Line, k.Value)
		}
		lines[k.Value] = k.Line
		if v.Kind != yaml.SequenceNode && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
			return s, fmt.Errorf("line %d: %s must be a list of strings, not a %s", v.Line, k.Value, kindName(v))
		}
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
				return s, fmt.Errorf("line %d: %s: entries must be strings, not a %s", e.Line, k.Value, kindName(e))
			}
			if err := checkEntry(k.Value, e.Value); err != nil {
				return s, fmt.Errorf("line %d: %v", e.Line, err)
			}
		}
	}
	if err := doc.Decode(&s); err != nil {
		return s, cleanErr(err)
	}
	return s, nil
}

// checkEntry validates one entry with the rules the flags and the
// golangci-lint plugin use (analyzers.Validate).
func checkEntry(key, v string) error {
	var s analyzers.Settings
	t := reflect.TypeFor[analyzers.Settings]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key {
			reflect.ValueOf(&s).Elem().Field(i).Set(reflect.ValueOf([]string{v}))
		}
	}
	return analyzers.Validate(s)
}

// keys returns the YAML keys of Settings, in field order.
func keys() []string {
	var out []string
	t := reflect.TypeFor[analyzers.Settings]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!str":
			return "string"
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "boolean"
		}
		return "scalar"
	}
	return "document"
}

// cleanErr drops the library's "yaml: " prefix. yaml.v3 counts lines from
// zero internally and leaves out "line 0" for errors on the first line, so
// add "line 1" when no line is given.
func cleanErr(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if !strings.Contains(msg, "line ") {
		msg = "line 1: " + msg
	}
	return errors.New(msg)
}
