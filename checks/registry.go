package checks

import (
	"cmp"
	"slices"

	"github.com/pagelint/pagelint/internal/finding"
)

// pageChecks is the one list of page checks, in the order they run. A new
// rule is a new rule_*.go file whose check is added here.
var pageChecks = []PageCheck{
	navRequired{},
	navDeadLink{},
	menuDuplicate{},
	footerRequired{},
	footerCopyright{},
	linkTargets{}, // link-broken, link-fragment, link-redirect: one pass over the links
	linkNoText{},
	linkEmpty{},
	pageScriptBuilt{},
	assertions{},
}

// siteChecks is the one list of checks that look at every page of a site.
var siteChecks = []SiteCheck{
	navInconsistent{},
	navOrphanPage{},
}

// AssertPrefix starts the rule id of each config assertion: "assert/<id>".
const AssertPrefix = "assert/"

// Rules lists every rule with its default severity, description and docs,
// sorted by id. Config assertions appear as the one rule "assert/<id>"; a
// run's Ruleset lists them one by one.
func Rules() []finding.Rule {
	var rules []finding.Rule
	for _, c := range pageChecks {
		rules = append(rules, c.Rules()...)
	}
	for _, c := range siteChecks {
		rules = append(rules, c.Rules()...)
	}
	slices.SortFunc(rules, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}
