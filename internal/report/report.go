// Package report writes a run's findings in the formats people, CI systems
// and dashboards read.
package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"

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
	// Comparison says what changed since an earlier report; nil when the
	// run was not compared with one.
	Comparison *Comparison `json:"comparison,omitempty"`
	// Pages lists the sources linted, so that formats that report passing
	// pages too (JUnit) know them. Not part of the JSON report.
	Pages []string `json:"-"`
	// Rules are the rules of the run with their effective severities; the
	// JSON report carries them as RuleLevels.
	Rules []finding.Rule `json:"-"`
	// RuleLevels is Rules in the JSON report, so that merge keeps the
	// levels the config set.
	RuleLevels []RuleLevel `json:"rules,omitempty"`
	// Shard is the share of the pages the run linted ("2/4"); "" for all.
	Shard string `json:"shard,omitempty"`
}

// RuleLevel is a rule of the run as the JSON report lists it.
type RuleLevel struct {
	ID          string `json:"id"`
	Severity    string `json:"severity"`
	Description string `json:"description,omitempty"`
	// Docs is where the rule is documented, relative to the repository.
	Docs string `json:"docs,omitempty"`
}

// ruleLevels gives rules their JSON form.
func ruleLevels(rules []finding.Rule) []RuleLevel {
	out := make([]RuleLevel, 0, len(rules))
	for _, r := range rules {
		out = append(out, RuleLevel{ID: r.ID, Severity: r.Severity.String(), Description: r.Description, Docs: r.Docs})
	}
	return out
}

// rulesOf reads the rules back from their JSON form.
func rulesOf(levels []RuleLevel) ([]finding.Rule, error) {
	out := make([]finding.Rule, 0, len(levels))
	for _, l := range levels {
		if l.ID == "" {
			return nil, fmt.Errorf("a rule without an id")
		}
		sev, err := finding.ParseSeverity(l.Severity)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %w", l.ID, err)
		}
		out = append(out, finding.Rule{ID: l.ID, Severity: sev, Description: l.Description, Docs: l.Docs})
	}
	return out, nil
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
	// links.deadline passed, the run was interrupted, or NoNetwork.
	LinksUnchecked int `json:"linksUnchecked,omitempty"`
	// NoNetwork is true when the run could reach no external host (no
	// name resolved, no host answered): the external links it asked are
	// counted in LinksUnchecked, not reported broken.
	NoNetwork bool `json:"noNetwork,omitempty"`
	// LinksOffline are the URLs left unchecked because external links
	// were not checked: external ones, and a saved page's links to its
	// own site.
	LinksOffline int `json:"linksOffline,omitempty"`
	// LinksUnresolved are the links left unchecked because their page
	// names no origin (a saved page whose address is a path alone).
	LinksUnresolved int `json:"linksUnresolved,omitempty"`
	// HomeItemsSkipped names the home-page items (scope "home") left
	// unchecked because no home page was linted.
	HomeItemsSkipped []string `json:"homeItemsSkipped,omitempty"`
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
	// BaseDir is the absolute path of the repository root: SARIF, Code
	// Quality and GitHub annotations name files relative to it. "" leaves
	// sources as given.
	BaseDir string
	// Getenv reads the environment (the github format looks up
	// GITHUB_STEP_SUMMARY); nil means os.Getenv. Tests pass their own.
	Getenv func(string) string
}

// Writer renders a report in one format.
type Writer func(w io.Writer, r *Report, opt Options) error

// Summarize counts the findings by severity.
func Summarize(findings []finding.Finding, pages, linksChecked int, durationMs int64, offline bool) Summary {
	c := countSeverities(findings)
	return Summary{Pages: pages, Findings: len(findings), Error: c.Error, Warning: c.Warning, Info: c.Info,
		LinksChecked: linksChecked, DurationMs: durationMs, Offline: offline}
}

// sortByTotal orders indexes of rows by their total count, largest first,
// keeping the order of equal ones.
func sortByTotal(order []int, rows []keyedCounts) {
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rows[b].total(), rows[a].total()) })
}
