package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

func TestLookupAndFormats(t *testing.T) {
	want := []string{"text", "codeclimate", "github", "html", "json", "junit", "markdown", "openmetrics", "sarif"}
	if got := Formats(); !slices.Equal(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	for _, name := range want {
		if _, ok := Lookup(name); !ok {
			t.Errorf("Lookup(%q) found nothing", name)
		}
	}
	for _, name := range []string{"", "TEXT", "xml", "checkstyle"} {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) found a writer", name)
		}
	}
}

func TestWritersDoNotReorderTheCallersFindings(t *testing.T) {
	for _, format := range Formats() {
		r := siteReport()
		before := slices.Clone(r.Findings)
		render(t, format, r, Options{Getenv: noEnv})
		if !slices.EqualFunc(before, r.Findings, func(a, b finding.Finding) bool { return a.Message == b.Message }) {
			t.Errorf("%s reordered Report.Findings", format)
		}
	}
}

func TestTextColorsOnlyWhenAsked(t *testing.T) {
	plain := string(render(t, "text", siteReport(), Options{}))
	if strings.Contains(plain, "\x1b") {
		t.Errorf("text without Color has ANSI escapes")
	}
	colored := string(render(t, "text", siteReport(), Options{Color: true}))
	if !strings.Contains(colored, ansiRed+"error") {
		t.Errorf("text with Color has no red errors")
	}
}

func TestTextKeepsControlCharactersOffTheTerminal(t *testing.T) {
	r := cleanReport()
	r.Findings = []finding.Finding{{Rule: "link-no-text", Severity: finding.Warning, Source: "a\x1b[2J.html",
		Message: "label \"\x1b]0;pwned\x07\" has no text", Line: 1, Column: 2}}
	out := string(render(t, "text", r, Options{}))
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("control characters reached the output: %q", out)
	}
	if !strings.Contains(out, `✖ 1 problem (0 errors, 1 warning, 0 info)`) {
		t.Errorf("summary line wrong:\n%s", out)
	}
}

func TestTextQuietWithOnlyWarnings(t *testing.T) {
	r := cleanReport()
	r.Summary.Offline = false
	r.Findings = []finding.Finding{{Rule: "link-no-text", Severity: finding.Warning, Source: "a.html", Message: "m"}}
	if got := string(render(t, "text", r, Options{Quiet: true})); got != "✔ no errors (3 pages)\n" {
		t.Errorf("quiet text = %q", got)
	}
}

func TestJUnitParsesBack(t *testing.T) {
	r := siteReport()
	var doc junitSuites
	if err := xml.Unmarshal(render(t, "junit", r, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	// 10 rules on: 9 listed minus link-no-text (off), nav-orphan-page
	// (off by default, but it has a finding), plus the assertion.
	const rules = 10
	if len(doc.Suites) != len(r.Pages) || doc.Tests != rules*len(r.Pages) {
		t.Fatalf("%d suites, %d tests; want %d and %d", len(doc.Suites), doc.Tests, len(r.Pages), rules*len(r.Pages))
	}
	failures, bodyLines := 0, 0
	for _, s := range doc.Suites {
		if len(s.Cases) != s.Tests || s.Tests != rules {
			t.Errorf("suite %s: %d cases, tests=%d", s.Name, len(s.Cases), s.Tests)
		}
		for _, c := range s.Cases {
			if c.Classname != s.Name {
				t.Errorf("case %s classname %q, want %q", c.Name, c.Classname, s.Name)
			}
			if c.Failure != nil {
				failures++
				bodyLines += strings.Count(strings.TrimSpace(c.Failure.Body), "\n") + 1
			}
		}
	}
	// Two link-broken findings on one page share one test case; each
	// finding is a line of the body (its message may have more).
	wantLines := 0
	for _, f := range r.Findings {
		wantLines += 1 + strings.Count(f.Message, "\n")
	}
	if failures != 9 || doc.Failures != 9 || bodyLines != wantLines {
		t.Errorf("failures %d (attribute %d), body lines %d; want 9, 9, %d", failures, doc.Failures, bodyLines, wantLines)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"},
		{"Privacy\x1b[2J\x1b]8;;https://evil.test\x07", `Privacy\x1b[2J\x1b]8;;https://evil.test\x07`, `Privacy\x1b[2J\x1b]8;;https%3A//evil.test\x07`},
		{"a\x00b\tc\x7fd\u0085e", `a\x00b\x09c\x7fd\x85e`, `a\x00b\x09c\x7fd\x85e`},
		{"line\u2028::error::forged", `line\u2028::error::forged`, `line\u2028%3A%3Aerror%3A%3Aforged`},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "step_summary.md")
	if err := os.WriteFile(path, []byte("# earlier step"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return path
		}
		return ""
	}
	out := render(t, "github", siteReport(), Options{Getenv: env})
	if n := bytes.Count(out, []byte("\n::")) + 1; n != len(siteReport().Findings) {
		t.Errorf("%d workflow commands, want %d", n, len(siteReport().Findings))
	}
	summary, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md := render(t, "markdown", siteReport(), Options{})
	if want := "# earlier step\n" + string(md); string(summary) != want {
		t.Errorf("job summary\n got %q\nwant %q", summary, want)
	}
}

func TestMarkdownEscapesMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"<script>&", "&lt;script&gt;&amp;"},
		{"[link](x)", `\[link\](x)`},
		{"one\ntwo", "one<br>two"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFingerprintsSurviveLineShifts(t *testing.T) {
	r := siteReport()
	before := fingerprints(sortedFindings(r))
	for i := range r.Findings {
		if r.Findings[i].Line > 0 {
			r.Findings[i].Line += 7
		}
	}
	if after := fingerprints(sortedFindings(r)); !slices.Equal(before, after) {
		t.Errorf("fingerprints changed when lines shifted")
	}
	same := []finding.Finding{newFinding("a.html", "r", 1, "m"), newFinding("a.html", "r", 9, "m")}
	if fp := fingerprints(same); fp[0] == fp[1] {
		t.Errorf("two findings alike but for their line share fingerprint %s", fp[0])
	}
}

func TestSARIFResultsPointAtRules(t *testing.T) {
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", siteReport(), Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, got)
		}
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID == "link-no-text" {
			t.Errorf("a rule that is off is listed")
		}
	}
}
