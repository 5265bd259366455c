package checks

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

func TestRuleset(t *testing.T) {
	cfg := testConfig(t, `{"rules":{"link-no-text":"off","menu-duplicate":"warning","link-redirect":"info"},
		"assertions":[{"id":"has-title","severity":"warning","schema":{"required":["title"]}}]}`)
	got := map[string]finding.Severity{}
	for _, r := range NewRuleset(cfg).Rules() {
		got[r.ID] = r.Severity
	}
	want := map[string]finding.Severity{"link-no-text": finding.Off, "menu-duplicate": finding.Warning, "link-redirect": finding.Info,
		"nav-orphan-page": finding.Off, "nav-required": finding.Error, "assert/has-title": finding.Warning}
	for id, sev := range want {
		if got[id] != sev {
			t.Errorf("Ruleset: %s = %s, want %s", id, got[id], sev)
		}
	}
	if _, ok := got["assert/<id>"]; ok {
		t.Error("Ruleset lists the placeholder assert/<id>")
	}
}

func TestFinalize(t *testing.T) {
	p := &page.Page{Source: "b.html", Suppressions: []page.Suppression{
		{Rules: []string{"link-broken"}, From: 20, To: 20},
		{From: 30, To: 35},
	}}
	findings := []finding.Finding{
		{Rule: "link-no-text", Source: "b.html", Line: 12, Column: 3, Message: "m"},
		{Rule: "link-broken", Source: "b.html", Line: 20, Column: 3, Message: "suppressed by next-line"},
		{Rule: "link-fragment", Source: "b.html", Line: 20, Column: 3, Message: "kept: another rule"},
		{Rule: "nav-required", Source: "b.html", Line: 31, Column: 1, Message: "suppressed by region"},
		{Rule: "menu-duplicate", Source: "b.html", Line: 12, Column: 3, Message: "b"},
		{Rule: "menu-duplicate", Source: "b.html", Line: 12, Column: 3, Message: "a", Severity: finding.Warning},
		{Rule: "footer-required", Source: "a.html", Line: 40, Message: "item severity kept", Severity: finding.Info},
		{Rule: "nav-required", Source: "a.html", Line: 2, Column: 9, Message: "rules sets it"},
		{Rule: "link-redirect", Source: "a.html", Line: 1, Message: "off by default"},
		{Rule: "nav-orphan-page", Source: "a.html", Message: "off by default"},
		{Rule: "link-no-text", Source: "a.html", Line: 1, Message: "switched off"},
		{Rule: "footer-copyright", Source: "a.html", Message: "no line"},
		{Rule: "page-unreadable", Source: "c.html", Message: "a rule of the caller's"},
		{Rule: "page-unreadable", Source: "c.html", Line: 1, Message: "with its own severity", Severity: finding.Warning},
	}
	cfg := testConfig(t, `{"rules":{"nav-required":"warning","menu-duplicate":"info","link-no-text":"off"}}`)
	// The rule set to off drops the findings of a.html and b.html alike.
	got := NewRuleset(cfg).Finalize(findings, map[string]page.Suppressions{"b.html": p.Suppressions})
	var lines []string
	for _, f := range got {
		lines = append(lines, formatFinding(f))
	}
	want := []string{
		"a.html 0:0 warning footer-copyright no line",
		"a.html 2:9 warning nav-required rules sets it",
		"a.html 40:0 info footer-required item severity kept",
		"b.html 12:3 warning menu-duplicate a",
		"b.html 12:3 info menu-duplicate b",
		"b.html 20:3 error link-fragment kept: another rule",
		"c.html 0:0 error page-unreadable a rule of the caller's",
		"c.html 1:0 warning page-unreadable with its own severity",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Finalize:\n got %s\nwant %s", strings.Join(lines, "\n     "), strings.Join(want, "\n     "))
	}
}
