// Package report writes a run's findings in the formats people, CI systems
// and dashboards read.
package report

import (
	"io"

	"github.com/pagelint/pagelint/internal/finding"
)

// SchemaVersion of the JSON report (schema/report.schema.json).
const SchemaVersion = 1

// Report is a run's result: what the JSON report holds.
type Report struct {
	SchemaVersion int               `json:"schemaVersion"`
	Tool          Tool              `json:"tool"`
	GeneratedAt   string            `json:"generatedAt"`
	Summary       Summary           `json:"summary"`
	Findings      []finding.Finding `json:"findings"`
	// Pages lists the sources linted, so that formats that report passing
	// pages too (JUnit) know them. Not part of the JSON report.
	Pages []string `json:"-"`
	// Rules are the rules of the run with their effective severities.
	Rules []finding.Rule `json:"-"`
}

// Tool names the program that made the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Summary counts what the run did and found.
type Summary struct {
	Pages        int   `json:"pages"`
	Findings     int   `json:"findings"`
	Error        int   `json:"error"`
	Warning      int   `json:"warning"`
	Info         int   `json:"info"`
	LinksChecked int   `json:"linksChecked"`
	DurationMs   int64 `json:"durationMs"`
	// Offline is true when external links were not checked.
	Offline bool `json:"offline,omitempty"`
	// LinksUnchecked are the external URLs left unchecked when
	// links.deadline passed, or the run was interrupted.
	LinksUnchecked int `json:"linksUnchecked,omitempty"`
	// Interrupted is true when a signal (SIGINT, SIGTERM) stopped the
	// run before it finished: its findings may be incomplete, and no gate
	// may pass on it.
	Interrupted bool `json:"interrupted,omitempty"`
}

// Options shape how a writer renders a report.
type Options struct {
	// Color allows ANSI colours (text format, on a terminal).
	Color bool
	// Quiet: only errors, no summary of warnings (text format).
	Quiet bool
	// Getenv reads the environment (the github format looks up
	// GITHUB_STEP_SUMMARY); nil means os.Getenv. Tests pass their own.
	Getenv func(string) string
}

// Writer renders a report in one format.
type Writer func(w io.Writer, r *Report, opt Options) error

// Summarize counts the findings by severity.
func Summarize(findings []finding.Finding, pages, linksChecked int, durationMs int64, offline bool) Summary {
	s := Summary{Pages: pages, Findings: len(findings), LinksChecked: linksChecked, DurationMs: durationMs, Offline: offline}
	for _, f := range findings {
		switch f.Severity {
		case finding.Error:
			s.Error++
		case finding.Warning:
			s.Warning++
		case finding.Info:
			s.Info++
		}
	}
	return s
}
