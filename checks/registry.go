package checks

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// All is the one list of page checks, in the order they run.
var All = []Check{
	navRequired{},
	navDeadLink{},
	menuDuplicate{},
	footerRequired{},
	footerCopyright{},
	linkTargets{},
	linkNoText{},
	assertionCheck{},
}

// AllSite is the one list of checks that look at every page of a run at once.
var AllSite = []SiteCheck{
	navInconsistent{},
	navOrphanPage{},
}

// Rule ids.
const (
	RuleNavRequired     = "nav-required"
	RuleNavDeadLink     = "nav-dead-link"
	RuleNavInconsistent = "nav-inconsistent"
	RuleNavOrphanPage   = "nav-orphan-page"
	RuleMenuDuplicate   = "menu-duplicate"
	RuleFooterRequired  = "footer-required"
	RuleFooterCopyright = "footer-copyright"
	RuleLinkBroken      = "link-broken"
	RuleLinkFragment    = "link-fragment"
	RuleLinkRedirect    = "link-redirect"
	RuleLinkNoText      = "link-no-text"
	// AssertPrefix starts the rule id of each config assertion: "assert/<id>".
	AssertPrefix = "assert/"
)

// Rules lists every rule id with its default severity and a one-line
// description, sorted by id. Config assertions appear as the one entry
// "assert/<id>"; RulesFor lists them one by one.
func Rules() []Rule {
	var rules []Rule
	for _, c := range All {
		rules = append(rules, c.Rules()...)
	}
	for _, c := range AllSite {
		rules = append(rules, c.Rules()...)
	}
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// RulesFor lists the rules of a run as cfg sets them: each with its
// effective severity (Off when switched off), and one "assert/<id>" rule per
// config assertion. Report formats that list rules (SARIF) use it.
func RulesFor(cfg *schema.Config) []Rule {
	var rules []Rule
	for _, r := range Rules() {
		if r.ID == AssertPrefix+"<id>" {
			continue
		}
		rules = append(rules, r)
	}
	for i := range rules {
		rules[i].Severity = ruleSeverity(cfg, rules[i].ID)
	}
	if cfg != nil {
		for _, a := range cfg.Assertions {
			d := "custom assertion of the config"
			if a.Message != "" {
				d = a.Message
			}
			id := AssertPrefix + a.ID
			sev := ruleSeverity(cfg, id)
			if _, set := cfg.Rules[id]; !set {
				if s := itemSeverity(a.Severity); s != Unset {
					sev = s
				}
			}
			rules = append(rules, Rule{ID: id, Severity: sev, Description: d})
		}
	}
	slices.SortFunc(rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// defaultRule returns the registered rule of an id ("assert/x" gives the
// assertion rule) and whether there is one.
func defaultRule(id string) (Rule, bool) {
	if strings.HasPrefix(id, AssertPrefix) {
		return Rule{ID: id, Severity: Error}, true
	}
	r, ok := ruleIndex[id]
	return r, ok
}

var ruleIndex = func() map[string]Rule {
	m := map[string]Rule{}
	for _, r := range Rules() {
		m[r.ID] = r
	}
	return m
}()

// ruleSeverity is the severity a rule runs at under cfg: the config's
// "rules" setting, else the rule's default; Off when the rule is switched
// off or is off by default and not switched on.
func ruleSeverity(cfg *schema.Config, id string) Severity {
	r, known := defaultRule(id)
	if cfg != nil {
		if name, ok := cfg.Rules[id]; ok {
			if s, err := ParseSeverity(name); err == nil && s != Unset {
				return s
			}
		}
	}
	switch {
	case !known:
		// A finding of a rule no check registers (the caller's own, such
		// as a page that failed to parse) is reported, as an error unless
		// it says otherwise.
		return Error
	case r.Off:
		return Off
	}
	return r.Severity
}

// ruleOn reports whether a rule runs under cfg.
func ruleOn(cfg *schema.Config, id string) bool { return ruleSeverity(cfg, id) != Off }

// anyRuleOn reports whether any of a check's rules runs.
func anyRuleOn(cfg *schema.Config, rules []Rule) bool {
	for _, r := range rules {
		if ruleOn(cfg, r.ID) {
			return true
		}
	}
	return false
}

// Run runs every enabled check on every page and the site checks on all of
// them, resolves severities, drops what is off or suppressed, and sorts.
func Run(pages []*page.Page, env *Env) []Finding {
	if env == nil {
		env = &Env{}
	}
	var findings []Finding
	for _, p := range pages {
		findings = append(findings, RunPage(p, env)...)
	}
	findings = append(findings, RunSite(pages, env)...)
	bySource := make(map[string]*page.Page, len(pages))
	for _, p := range pages {
		if p != nil {
			bySource[p.Source] = p
		}
	}
	return Finalize(findings, bySource, env.config())
}

// RunPage runs the page checks on one page. It is safe for concurrent use:
// checks keep no state but the compiled assertions, which are shared.
// The findings still need Finalize.
func RunPage(p *page.Page, env *Env) []Finding {
	if p == nil {
		return nil
	}
	if env == nil {
		env = &Env{}
	}
	cfg := env.config()
	var findings []Finding
	for i, c := range All {
		if !anyRuleOn(cfg, pageCheckRules[i]) {
			continue
		}
		findings = append(findings, c.Check(p, env)...)
	}
	return findings
}

// pageCheckRules holds the rules of each check of All, in its order, so
// that RunPage does not have Rules build the lists for every page. Like
// ruleIndex, it takes All as it stands when the program starts.
var pageCheckRules = func() [][]Rule {
	rules := make([][]Rule, len(All))
	for i, c := range All {
		rules[i] = c.Rules()
	}
	return rules
}()

var linkRules = linkTargets{}.Rules()

// RunLinks judges a page's links alone (link-broken, link-fragment,
// link-redirect): the links that RunPage handed to Env.Defer. The findings
// still need Finalize.
func RunLinks(p *page.Page, env *Env) []Finding {
	if p == nil || env == nil || !anyRuleOn(env.config(), linkRules) {
		return nil
	}
	return linkTargets{}.Check(p, env)
}

// RunSite runs the checks that need every page at once. The findings still
// need Finalize.
func RunSite(pages []*page.Page, env *Env) []Finding {
	if env == nil {
		env = &Env{}
	}
	cfg := env.config()
	var findings []Finding
	for _, c := range AllSite {
		if !anyRuleOn(cfg, c.Rules()) {
			continue
		}
		findings = append(findings, c.CheckSite(pages, env)...)
	}
	return findings
}

// Finalize gives each finding its severity (the one a check set from a
// config item, else the config's "rules" setting, else the rule's default),
// drops findings of rules that are off and findings an inline comment
// suppresses (pages maps a page's Source to it), and sorts.
func Finalize(findings []Finding, pages map[string]*page.Page, cfg *schema.Config) []Finding {
	out := make([]Finding, 0, len(findings))
	for _, f := range findings {
		sev := ruleSeverity(cfg, f.Rule)
		if sev == Off {
			continue
		}
		if f.Severity != Unset && f.Severity != Off {
			sev = f.Severity
		}
		f.Severity = sev
		if p := pages[f.Source]; p != nil && p.Suppress(f.Rule, f.Line) {
			continue
		}
		out = append(out, f)
	}
	Sort(out)
	return out
}

// Sort orders findings by source, line, column, rule and message (then
// selector), so that reports of the same input are identical.
func Sort(f []Finding) {
	slices.SortStableFunc(f, CompareFindings)
}

// CompareFindings orders findings as every report lists them: by source,
// line, column, rule, then message, selector and severity so that the
// order is total.
func CompareFindings(a, b Finding) int {
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

// config is the run's config, never nil.
func (e *Env) config() *schema.Config {
	if e == nil || e.Config == nil {
		return &schema.Config{}
	}
	return e.Config
}
