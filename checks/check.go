// Package checks is the check engine: the Check interface and the one list
// of registered checks. Each rule family lives in a file of its own; checks
// read the page model, never the DOM.
package checks

import (
	"time"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// Check is one rule family, run on each page's model.
type Check interface {
	Rules() []finding.Rule
	Check(p *page.Page, env *Env) []finding.Finding
}

// SiteCheck is a rule family that needs every page of the run at once.
type SiteCheck interface {
	Rules() []finding.Rule
	CheckSite(pages []*page.Page, env *Env) []finding.Finding
}

// Env is what checks know beyond the page: the config, the reference date,
// the other pages of the site and the results of external link checks.
type Env struct {
	Config *schema.Config
	// Rules is the run's severity policy, decided from Config once.
	Rules *Ruleset
	// Now is the reference date for date rules.
	Now time.Time
	// Site answers questions about local targets; nil when the input is
	// not a site on disk (stdin, a URL without crawl).
	Site Site
	// External holds the outcome of external URL checks, keyed by the
	// link's Target; nil when external links were not checked.
	External map[string]ExternalResult
	// Defer, when set, takes the links whose judgement needs what is not
	// known yet while pages are still being read: a fragment on another
	// page, an external URL. The engine judges them later with RunLinks,
	// so that a page's model need not be kept until every page is read.
	Defer func(p *page.Page, l *page.Link)
	// Settled, when set, remembers the site paths (with their fragments)
	// that links led to without a finding, so that the next links to them
	// on this or later pages are not judged again: whether a site path
	// and its fragment exist is the same from every page. Not safe for
	// concurrent use: one map per goroutine.
	Settled map[string]bool
}

// Site is what a check may ask about the pages and files of the site.
type Site interface {
	// Resolve maps a site path (without query or fragment, percent-decoded)
	// to the page or file it names: "/a/" → "/a/index.html", "/about" →
	// "/about.html" or "/about/index.html". ok is false when nothing exists.
	Resolve(sitePath string) (resolved string, ok bool)
	// Anchors returns the ids and a[name]s of the page at a resolved path,
	// and false when that is no page of the run — or, while pages are
	// still read (Env.Defer set), no page read yet.
	Anchors(resolved string) (map[string]bool, bool)
}

// ExternalResult is what the link checker found for one URL.
type ExternalResult struct {
	OK bool
	// Reason says why it is broken: "404 Not Found", "DNS lookup failed", ….
	Reason string
	// FinalURL is where redirects led, when they did.
	FinalURL string
	// Permanent: the URL answered with a permanent redirect.
	Permanent bool
	// FragmentMissing: the page exists but names no such fragment.
	FragmentMissing bool
}
