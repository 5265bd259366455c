package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/finding"
)

// TestMarkdownFitsAGitHubComment: a large site's report stays under
// GitHub's 65,536-character comment limit, the by-page table too, and
// says what it left out.
func TestMarkdownFitsAGitHubComment(t *testing.T) {
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "pagelint", Version: "0.3.0"}}
	long := strings.Repeat("a very long label | with *markup* ", 40)
	for p := range 10000 {
		src := fmt.Sprintf("public/section-%d/page-%d.html", p%50, p)
		for i := range 3 {
			r.Findings = append(r.Findings, finding.Finding{Rule: fmt.Sprintf("assert/rule-%d", (p+i)%400),
				Severity: finding.Severity(1 + i), Source: src, Line: 10 + i, Column: 1, Message: "link " + long + " is broken"})
		}
	}
	r.Summary = Summarize(r.Findings, 10000, 0, 0, true)
	md := string(render(t, "markdown", r, Options{}))
	if n := utf8.RuneCountInString(md); n > markdownLimit {
		t.Errorf("the Markdown report has %d characters, more than a GitHub comment holds (%d)", n, markdownLimit)
	}
	for _, want := range []string{MarkdownMarker + "\n", "<details><summary>Findings (30000)</summary>",
		"more pages with fewer findings.", "more rules with fewer findings.", "more; see the full report.", "</details>\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if !strings.HasPrefix(md, MarkdownMarker) {
		t.Errorf("the report does not start with the marker %s", MarkdownMarker)
	}
}

func TestMarkdownLeadsWithWhatChanged(t *testing.T) {
	old := siteReport()
	old.GeneratedAt = "2026-11-20T08:00:00Z"
	cur := siteReport()
	cur.Findings = cur.Findings[2:]
	cur.Findings = append(cur.Findings, finding.Finding{Rule: "link-broken", Severity: finding.Error, Source: "site/new.html", Line: 1, Column: 1, Message: "broken link \"/x\""})
	cur.Recount()
	cur.Comparison = Compare(old, cur)
	md := string(render(t, "markdown", cur, Options{}))
	lines := strings.Split(md, "\n")
	if lines[3] != "**1 new, 2 fixed since 2026-11-20 08:00 UTC** · 8 unchanged" {
		t.Errorf("line 4 is %q, want the comparison first", lines[3])
	}
	if !strings.Contains(md, "<details><summary>Fixed (2)</summary>") || strings.Count(md, "🆕") != 1 {
		t.Errorf("want a fold of 2 fixed findings and 1 new finding marked:\n%s", md)
	}
}
