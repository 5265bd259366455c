package checks

import (
	"cmp"
	"slices"

	"github.com/pagelint/pagelint/internal/finding"
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

// AssertPrefix starts the rule id of each config assertion: "assert/<id>".
const AssertPrefix = "assert/"

// Rules lists every rule id with its default severity and a one-line
// description, sorted by id. Config assertions appear as the one entry
// "assert/<id>"; a run's Ruleset lists them one by one.
func Rules() []finding.Rule {
	var rules []finding.Rule
	for _, c := range All {
		rules = append(rules, c.Rules()...)
	}
	for _, c := range AllSite {
		rules = append(rules, c.Rules()...)
	}
	slices.SortFunc(rules, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// Run runs every enabled check on every page and the site checks on all of
// them, resolves severities, drops what is off or suppressed, and sorts.
func Run(pages []*page.Page, env *Env) []finding.Finding {
	if env == nil {
		env = &Env{}
	}
	var findings []finding.Finding
	for _, p := range pages {
		findings = append(findings, RunPage(p, env)...)
	}
	findings = append(findings, RunSite(pages, env)...)
	suppressions := make(map[string]page.Suppressions, len(pages))
	for _, p := range pages {
		if p != nil {
			suppressions[p.Source] = p.Suppressions
		}
	}
	return env.rules().Finalize(findings, suppressions)
}

// RunPage runs the page checks on one page. It is safe for concurrent use:
// checks keep no state but the compiled assertions, which are shared.
// The findings still need Finalize.
func RunPage(p *page.Page, env *Env) []finding.Finding {
	if p == nil {
		return nil
	}
	if env == nil {
		env = &Env{}
	}
	rules := env.rules()
	var findings []finding.Finding
	for i, c := range All {
		if !rules.anyOn(pageCheckRules[i]) {
			continue
		}
		findings = append(findings, c.Check(p, env)...)
	}
	return findings
}

// pageCheckRules holds the rules of each check of All, in its order, so
// that RunPage does not have Rules build the lists for every page. It
// takes All as it stands when the program starts.
var pageCheckRules = func() [][]finding.Rule {
	rules := make([][]finding.Rule, len(All))
	for i, c := range All {
		rules[i] = c.Rules()
	}
	return rules
}()

var linkRules = linkTargets{}.Rules()

// RunLinks judges a page's links alone (link-broken, link-fragment,
// link-redirect): the links that RunPage handed to Env.Defer. The findings
// still need Finalize.
func RunLinks(p *page.Page, env *Env) []finding.Finding {
	if p == nil || env == nil || !env.rules().anyOn(linkRules) {
		return nil
	}
	return linkTargets{}.Check(p, env)
}

// RunSite runs the checks that need every page at once. The findings still
// need Finalize.
func RunSite(pages []*page.Page, env *Env) []finding.Finding {
	if env == nil {
		env = &Env{}
	}
	rules := env.rules()
	var findings []finding.Finding
	for _, c := range AllSite {
		if !rules.anyOn(c.Rules()) {
			continue
		}
		findings = append(findings, c.CheckSite(pages, env)...)
	}
	return findings
}

// config is the run's config, never nil.
func (e *Env) config() *schema.Config {
	if e == nil || e.Config == nil {
		return &schema.Config{}
	}
	return e.Config
}

// rules is the run's rule set: Env.Rules, else (a caller that built the Env
// by hand) one decided from the config now and kept.
func (e *Env) rules() *Ruleset {
	if e.Rules == nil {
		e.Rules = NewRuleset(e.config())
	}
	return e.Rules
}
