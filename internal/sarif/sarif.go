// Package sarif writes SARIF 2.1.0 logs (the OASIS Static Analysis Results
// Interchange Format), the subset GitHub code scanning reads: one run, one
// rule per pass, results with regions, fixes and in-source suppressions.
package sarif

import (
	"encoding/json"
	"io"
)

// Version and Schema identify the format.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// Log is the top-level object.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one invocation of one tool.
type Run struct {
	Tool               Tool                   `json:"tool"`
	OriginalURIBaseIDs map[string]ArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []Result               `json:"results"`
	ColumnKind         string                 `json:"columnKind,omitempty"`
}

// Tool describes the analysis tool.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the tool's main component.
type Driver struct {
	Name           string `json:"name"`
	InformationURI string `json:"informationUri,omitempty"`
	Version        string `json:"version,omitempty"`
	Rules          []Rule `json:"rules"`
}

// Rule describes one pass.
type Rule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *Message       `json:"shortDescription,omitempty"`
	FullDescription      *Message       `json:"fullDescription,omitempty"`
	Help                 *Message       `json:"help,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration *RuleConfig    `json:"defaultConfiguration,omitempty"`
	Properties           map[string]any `json:"properties,omitempty"`
}

// RuleConfig is a rule's default configuration.
type RuleConfig struct {
	Level string `json:"level"` // "error", "warning", "note" or "none"
}

// Message is a plain-text (and optionally Markdown) message.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Result is one finding.
type Result struct {
	RuleID       string        `json:"ruleId"`
	RuleIndex    int           `json:"ruleIndex"`
	Level        string        `json:"level"`
	Message      Message       `json:"message"`
	Locations    []Location    `json:"locations"`
	Fixes        []Fix         `json:"fixes,omitempty"`
	Suppressions []Suppression `json:"suppressions,omitempty"`
	// RelatedLocations are other places of the same root cause.
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
}

// Location is where a result is.
type Location struct {
	ID               int              `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a region of an artifact.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLoc `json:"artifactLocation"`
	Region           *Region     `json:"region,omitempty"`
}

// ArtifactLoc names a file: a URI, relative to a base when URIBaseID is set.
type ArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a range of text: lines and columns (1-based), or bytes.
type Region struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
	// ByteOffset is a pointer so that offset 0 is written.
	ByteOffset *int `json:"byteOffset,omitempty"`
	ByteLength *int `json:"byteLength,omitempty"`
}

// Fix is a proposed fix: replacements in one or more files.
type Fix struct {
	Description     Message          `json:"description"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

// ArtifactChange is the set of replacements in one file.
type ArtifactChange struct {
	ArtifactLocation ArtifactLoc   `json:"artifactLocation"`
	Replacements     []Replacement `json:"replacements"`
}

// Replacement deletes a region and inserts text there.
type Replacement struct {
	DeletedRegion   Region   `json:"deletedRegion"`
	InsertedContent *Content `json:"insertedContent,omitempty"`
}

// Content is inserted text.
type Content struct {
	Text string `json:"text"`
}

// Suppression records that a result was suppressed in source.
type Suppression struct {
	Kind          string `json:"kind"` // "inSource"
	Justification string `json:"justification,omitempty"`
}

// ByteRegion returns a region of length bytes at offset.
func ByteRegion(offset, length int) Region {
	return Region{ByteOffset: &offset, ByteLength: &length}
}

// Write encodes the log as indented JSON.
func Write(w io.Writer, l *Log) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}
