package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

// BenchmarkWriteJSON writes the JSON report of a large page: 100,000
// broken-link findings, each with its context, as the 10 MB page of
// docs/BENCHMARKS.md has them.
func BenchmarkWriteJSON(b *testing.B) {
	r := siteReport()
	r.Findings = make([]finding.Finding, 100_000)
	for i := range r.Findings {
		href := fmt.Sprintf("/section-%d/page-%d.html", i/50, i%50)
		r.Findings[i] = finding.Finding{Rule: "link-broken", Severity: finding.Error,
			Message: fmt.Sprintf("broken link %q: no such page or file", href), Source: "large.html", Line: i + 3, Column: 5,
			Selector: fmt.Sprintf("body > nav:nth-child(%d) > ul:nth-child(1) > li:nth-child(%d) > a:nth-child(1)", i/50+1, i%50+1),
			Context:  finding.NewContext("href", href, "tag", "a", "target", href)}
	}
	r.Recount()
	for b.Loop() {
		if err := WriteJSON(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
