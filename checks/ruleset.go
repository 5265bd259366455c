package checks

import (
	"cmp"
	"slices"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// Ruleset is the severity policy of one run, decided once from its config;
// the checks, Finalize, `pagelint rules` and the reports' rule tables all ask
// it. The policy, strongest first:
//
//   - the config's "rules" sets a rule's severity, or switches it off;
//   - a required item the config itself writes sets the severity of its own
//     findings, over "rules" (it is the more specific);
//   - a preset's item and the copyright block (which presets set) set the
//     severity of their findings unless "rules" sets their rule;
//   - an assertion's severity is its rule's unless "rules" sets assert/<id>;
//   - else a rule runs at its default, and a rule that is off by default
//     (nav-orphan-page, link-redirect) does not run.
//
// A finding that is a lesser form of its rule (a warning of menu-duplicate)
// never outranks what its rule runs at (Capped).
type Ruleset struct {
	set      map[string]finding.Severity // the config's "rules"
	severity map[string]finding.Severity // what each rule of the run runs at
	table    []finding.Rule
}

// NewRuleset decides the severity of every rule of a run under cfg (nil: no
// config).
func NewRuleset(cfg *schema.Config) *Ruleset {
	if cfg == nil {
		cfg = &schema.Config{}
	}
	rs := &Ruleset{set: cfg.Rules, severity: map[string]finding.Severity{}}
	for _, r := range Rules() {
		if r.ID == assertionRule.ID {
			continue // listed once per assertion below
		}
		// In the run's table the severity says whether the rule runs.
		r.Severity, r.Off = rs.setOr(r.ID, defaultSeverity(r)), false
		rs.add(r)
	}
	for _, a := range cfg.Assertions {
		desc := "custom assertion of the config"
		if a.Message != "" {
			desc = a.Message
		}
		sev := assertionRule.Severity
		if a.Severity != finding.Unset {
			sev = a.Severity
		}
		id := AssertPrefix + a.ID
		rs.add(finding.Rule{ID: id, Severity: rs.setOr(id, sev), Description: desc, Docs: assertionRule.Docs})
	}
	slices.SortFunc(rs.table, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rs
}

func (rs *Ruleset) add(r finding.Rule) {
	rs.severity[r.ID] = r.Severity
	rs.table = append(rs.table, r)
}

// setOr is what "rules" sets for id, else def.
func (rs *Ruleset) setOr(id string, def finding.Severity) finding.Severity {
	if s, ok := rs.set[id]; ok {
		return s
	}
	return def
}

func defaultSeverity(r finding.Rule) finding.Severity {
	if r.Off {
		return finding.Off
	}
	return r.Severity
}

// Rules is the run's rule table, sorted by id: every rule with the severity
// it runs at (Off when off), and one rule per config assertion. The
// reports that list rules (SARIF) print it.
func (rs *Ruleset) Rules() []finding.Rule { return slices.Clone(rs.table) }

// Severity is what a rule runs at: Off when it does not run. A rule no check
// registers (a caller's own, such as a page that failed to parse) is
// reported as an error.
func (rs *Ruleset) Severity(id string) finding.Severity {
	if s, ok := rs.severity[id]; ok {
		return s
	}
	return rs.setOr(id, finding.Error)
}

// On reports whether a rule runs.
func (rs *Ruleset) On(id string) bool { return rs.Severity(id) != finding.Off }

// anyOn reports whether any of rules runs.
func (rs *Ruleset) anyOn(rules []finding.Rule) bool {
	for _, r := range rules {
		if rs.On(r.ID) {
			return true
		}
	}
	return false
}

// ItemSeverity is the severity a required item sets on the findings of its
// rule; Unset leaves them at the rule's.
func (rs *Ruleset) ItemSeverity(rule string, it *schema.Item) finding.Severity {
	if _, set := rs.set[rule]; set && it.Preset != "" {
		return finding.Unset
	}
	return it.Severity
}

// CopyrightSeverity is the severity the copyright block sets on the
// findings of footer-copyright; Unset leaves them at the rule's.
func (rs *Ruleset) CopyrightSeverity(c *schema.Copyright) finding.Severity {
	if _, set := rs.set[ruleFooterCopyright.ID]; set {
		return finding.Unset
	}
	return c.Severity
}

// Capped is s, or what rule runs at when that is weaker: a finding that
// is a lesser form of its rule never outranks the rule's setting.
func (rs *Ruleset) Capped(s finding.Severity, rule string) finding.Severity {
	if r := rs.Severity(rule); r != finding.Off && r < s {
		return r
	}
	return s
}

// Finalize gives each finding its severity (its own, else its rule's),
// drops findings of rules that are off and findings an inline comment
// silences (suppressions by source), and sorts. It keeps them in
// findings' own array, which the caller no longer uses.
func (rs *Ruleset) Finalize(findings []finding.Finding, suppressions map[string]page.Suppressions) []finding.Finding {
	out := findings[:0] // in place: a large page's findings are not copied
	for _, f := range findings {
		sev := rs.Severity(f.Rule)
		if sev == finding.Off {
			continue
		}
		if f.Severity != finding.Unset && f.Severity != finding.Off {
			sev = f.Severity
		}
		f.Severity = sev
		if suppressions[f.Source].Silence(f.Rule, f.Line) {
			continue
		}
		out = append(out, f)
	}
	finding.Sort(out)
	return out
}
