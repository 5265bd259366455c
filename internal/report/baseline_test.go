package report

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

func newFinding(source, rule string, line int, msg string) finding.Finding {
	return finding.Finding{Rule: rule, Severity: finding.Error, Message: msg, Source: source, Line: line, Column: 1}
}

func TestBaselineRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pagelint-baseline.json")
	findings := siteReport().Findings
	if err := NewBaseline(findings).Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b, NewBaseline(findings)) {
		t.Errorf("read %+v, wrote %+v", b, NewBaseline(findings))
	}
	kept, stale := b.Filter(findings)
	if len(kept) != 0 || len(stale) != 0 {
		t.Errorf("the run the baseline was made from: kept %v, stale %v; want neither", kept, stale)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"source": "site/index.html",
      "rule": "link-broken",
      "count": 2`) {
		t.Errorf("baseline file lacks the count of link-broken on site/index.html:\n%s", data)
	}
}

func TestBaselineFilter(t *testing.T) {
	base := NewBaseline([]finding.Finding{
		newFinding("a.html", "link-broken", 10, "x"),
		newFinding("a.html", "link-broken", 20, "y"),
		newFinding("a.html", "nav-required", 5, "z"),
		newFinding("b.html", "link-fragment", 3, "f"),
	})
	tests := []struct {
		name      string
		findings  []finding.Finding
		wantKept  []finding.Finding
		wantStale []BaselineEntry
	}{
		{
			name: "lines shifted: nothing new",
			findings: []finding.Finding{
				newFinding("a.html", "link-broken", 14, "x"), newFinding("a.html", "link-broken", 24, "y"),
				newFinding("a.html", "nav-required", 9, "z"), newFinding("b.html", "link-fragment", 3, "f"),
			},
		},
		{
			name: "one more of a known rule: the last in report order is new",
			findings: []finding.Finding{
				newFinding("a.html", "link-broken", 30, "w"), newFinding("a.html", "link-broken", 10, "x"),
				newFinding("a.html", "link-broken", 20, "y"), newFinding("a.html", "nav-required", 5, "z"),
				newFinding("b.html", "link-fragment", 3, "f"),
			},
			wantKept: []finding.Finding{newFinding("a.html", "link-broken", 30, "w")},
		},
		{
			name: "new rule and new page",
			findings: []finding.Finding{
				newFinding("c.html", "link-broken", 1, "c"), newFinding("a.html", "link-fragment", 2, "n"),
				newFinding("a.html", "link-broken", 10, "x"), newFinding("a.html", "link-broken", 20, "y"),
				newFinding("a.html", "nav-required", 5, "z"), newFinding("b.html", "link-fragment", 3, "f"),
			},
			wantKept: []finding.Finding{newFinding("a.html", "link-fragment", 2, "n"), newFinding("c.html", "link-broken", 1, "c")},
		},
		{
			name:     "fixed findings are stale",
			findings: []finding.Finding{newFinding("a.html", "link-broken", 10, "x")},
			wantStale: []BaselineEntry{
				{Source: "a.html", Rule: "link-broken", Count: 1},
				{Source: "a.html", Rule: "nav-required", Count: 1},
				{Source: "b.html", Rule: "link-fragment", Count: 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, stale := base.Filter(tt.findings)
			if !reflect.DeepEqual(kept, tt.wantKept) {
				t.Errorf("kept\n got %v\nwant %v", kept, tt.wantKept)
			}
			if !reflect.DeepEqual(stale, tt.wantStale) {
				t.Errorf("stale\n got %v\nwant %v", stale, tt.wantStale)
			}
		})
	}
}

func TestReadBaselineBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"valid", `{"pagelintBaseline": 1, "entries": [{"source": "a.html", "rule": "link-broken", "count": 2}]}`, ""},
		{"valid empty", `{"pagelintBaseline": 1, "entries": []}`, ""},
		{"a report", `{"schemaVersion": 1, "tool": {"name": "pagelint"}, "findings": []}`, "b.json: not a pagelint baseline"},
		{"an array", `[]`, "b.json: not a pagelint baseline"},
		{"marker of wrong type", `{"pagelintBaseline": "yes"}`, "b.json: not a pagelint baseline"},
		{"newer version", `{"pagelintBaseline": 2, "entries": []}`, "b.json: baseline version 2 is not supported (want 1)"},
		{"truncated", `{"pagelintBaseline": 1, "entr`, "b.json: truncated or invalid JSON at offset 29"},
		{"empty", ``, "b.json: truncated or invalid JSON at offset 0"},
		{"zero count", `{"pagelintBaseline": 1, "entries": [{"source": "a.html", "rule": "r", "count": 0}]}`,
			"b.json: entry 1 has count 0 (want 1 or more)"},
		{"no rule", `{"pagelintBaseline": 1, "entries": [{"source": "a.html", "count": 1}]}`,
			"b.json: entry 1 lacks a source or rule"},
		{"repeated entry", `{"pagelintBaseline": 1, "entries": [{"source": "a", "rule": "r", "count": 1}, {"source": "a", "rule": "r", "count": 1}]}`,
			`b.json: entry 2 repeats source "a" and rule "r"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "b.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadBaseline(path)
			got := ""
			if err != nil {
				got = strings.Replace(err.Error(), dir+string(filepath.Separator), "", 1)
			}
			if got != tt.want {
				t.Errorf("error\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	if _, err := ReadBaseline(filepath.Join(dir, "missing.json")); err == nil {
		t.Errorf("ReadBaseline of a missing file succeeded")
	}
}

func TestBaselineEntryString(t *testing.T) {
	tests := []struct {
		e    BaselineEntry
		want string
	}{
		{BaselineEntry{"a.html", "link-broken", 1}, "a.html: 1 link-broken finding of the baseline no longer occurs"},
		{BaselineEntry{"a.html", "link-broken", 3}, "a.html: 3 link-broken findings of the baseline no longer occur"},
	}
	for _, tt := range tests {
		if got := tt.e.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
