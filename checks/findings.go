package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// at builds a finding on the page named source at pos, with selector and
// context.
func at(source, rule string, pos page.Pos, selector string, ctx finding.Context, format string, args ...any) finding.Finding {
	return atMsg(source, rule, pos, selector, ctx, fmt.Sprintf(format, args...))
}

// atMsg is at with the message written out already: checks that report
// many findings (a site's broken links) build them without fmt.
func atMsg(source, rule string, pos page.Pos, selector string, ctx finding.Context, msg string) finding.Finding {
	return finding.Finding{
		Rule:     rule,
		Message:  msg,
		Source:   source,
		Line:     pos.Line,
		Column:   pos.Column,
		Selector: selector,
		Context:  ctx,
	}
}

// appendReserving appends f to findings about a page's links, left of
// which are still to be judged (f's own among them). On a page of many
// links (reserveFindingsFrom), the first reserves room for a finding a
// link left and a sixteenth more, for the page's other findings
// (finding.Append moves them in front): grown by append, the findings of a
// page whose links are mostly broken were copied at every growth, about
// four times their bytes in all (70 MB on the 10 MB page of
// docs/BENCHMARKS.md), the last copy beside the old array at the end of its
// checks. fitted gives back what goes unused. A page of a few hundred
// links, with a finding or two, grows by append: room for every link was a
// tenth of what a run on the GOV.UK build allocated.
func appendReserving(findings []finding.Finding, left int, f finding.Finding) []finding.Finding {
	if cap(findings) == 0 && left >= reserveFindingsFrom {
		findings = make([]finding.Finding, 0, left+left/16)
	}
	return append(findings, f)
}

const reserveFindingsFrom = 1024

// fitted is findings in an array of their own size when most of the room
// reserved for them went unused.
func fitted(findings []finding.Finding) []finding.Finding {
	if cap(findings)-len(findings) > len(findings) {
		return slices.Clone(findings)
	}
	return findings
}

// q quotes a label, URL or item for a message. Unlike %q it leaves
// backslashes alone, so that regular expressions read as written.
func q(s string) string { return `"` + s + `"` }

// quoteList quotes names and joins them with commas, at most limit of them.
func quoteList(names []string, limit int) string {
	var b strings.Builder
	for i, n := range names {
		if i == limit {
			fmt.Fprintf(&b, " and %d more", len(names)-limit)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q(n))
	}
	return b.String()
}

// firstNonEmpty is the first of s that is not "".
func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
