// Package finding holds what every part of pagelint says about results: a
// Finding, its Severity, the Rule it belongs to, and the one order in which
// reports list findings. It imports nothing of pagelint, so that the checks,
// the run and the report writers share it without depending on each other.
package finding

import (
	"cmp"
	"slices"
)

// Finding is one result of a check: something wrong with a page.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Source   string   `json:"source"`
	Line     int      `json:"line,omitempty"`
	Column   int      `json:"column,omitempty"`
	Selector string   `json:"selector,omitempty"`
	Context  Context  `json:"context,omitempty"`
	// PageNote is the note of the finding's page (page.Page.Note).
	PageNote string `json:"pageNote,omitempty"`
}

// Rule describes one rule id for `pagelint rules` and the report formats.
type Rule struct {
	ID string
	// Severity is the rule's default, or in a run's rule table the
	// severity it runs at (Off when switched off).
	Severity    Severity
	Description string
	// Off marks rules that are off unless the config switches them on.
	Off bool
	// Docs is where the rule is documented, as a path of the repository
	// with an anchor: "docs/rules.md#nav-required".
	Docs string
}

// Append appends more to findings, and is more itself when findings is
// empty: the findings of a page pass from its checks to the run's report
// without a copy at each step (a large page's are many megabytes). When
// more is the longer and has room for findings before it (what append
// left spare as it grew), they are moved into it in place rather than
// both copied into a new array, which stood beside the old one at the end
// of a large page's checks. Neither is to be used after.
func Append(findings, more []Finding) []Finding {
	switch {
	case len(findings) == 0:
		return more
	case len(more) > len(findings) && cap(more)-len(more) >= len(findings):
		return slices.Insert(more, 0, findings...)
	}
	return append(findings, more...)
}

// Sort orders findings by source, line, column, rule and message (then
// selector), so that reports of the same input are identical.
func Sort(f []Finding) {
	slices.SortStableFunc(f, Compare)
}

// Compare orders findings as every report lists them: by source, line,
// column, rule, then message, selector and severity so that the order is
// total.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Selector, b.Selector),
		cmp.Compare(b.Severity, a.Severity),
	)
}
