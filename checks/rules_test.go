package checks

import (
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

// designRules are the rule ids DESIGN.md promises, with their defaults.
var designRules = map[string]finding.Severity{
	"nav-required": finding.Error, "nav-dead-link": finding.Error, "nav-inconsistent": finding.Warning, "nav-orphan-page": finding.Info,
	"menu-duplicate": finding.Error, "footer-required": finding.Error, "footer-copyright": finding.Warning, "link-broken": finding.Error,
	"link-fragment": finding.Error, "link-no-text": finding.Warning, "link-redirect": finding.Info, "assert/<id>": finding.Error,
}

func TestRules(t *testing.T) {
	rules := Rules()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
		if r.Description == "" || strings.Contains(r.Description, "\n") {
			t.Errorf("rule %s: description must be one line: %q", r.ID, r.Description)
		}
		if want, ok := designRules[r.ID]; !ok {
			t.Errorf("rule %s is not in DESIGN", r.ID)
		} else if r.Severity != want {
			t.Errorf("rule %s: default %s, want %s", r.ID, r.Severity, want)
		}
	}
	for id := range designRules {
		if !slices.Contains(ids, id) {
			t.Errorf("rule %s of DESIGN is missing from Rules()", id)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("Rules() not sorted: %v", ids)
	}
	for _, r := range rules {
		off := r.ID == "nav-orphan-page" || r.ID == "link-redirect"
		if r.Off != off {
			t.Errorf("rule %s: Off = %v, want %v", r.ID, r.Off, off)
		}
	}
}
