// Package checks judges page models against a site's config. Each rule is a
// file of its own (rule_*.go: its id, default severity, description and
// docs next to its logic), registered once in registry.go. An Engine, built
// once per run, runs them: page checks on each page's model as soon as it is
// read, site checks on an index of what was kept of every page (SitePage),
// and a Ruleset decides every finding's severity. Checks read the page
// model, never the DOM, and return what they found; they call nothing back.
package checks

import (
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// PageCheck judges one page alone. It returns its findings, and the links
// it could not judge yet (see Env.Reading).
type PageCheck interface {
	Rules() []finding.Rule
	Check(p *page.Page, env *Env) Result
}

// SiteCheck judges the pages of a site together, from the index of what
// was kept of each (SitePage).
type SiteCheck interface {
	Rules() []finding.Rule
	CheckSite(pages []*SitePage, env *Env) []finding.Finding
}

// Result is what a page check returns: its findings, which still need the
// Ruleset's Finalize, and the links whose judgement needs what is not known
// while pages are still read — a fragment of a page not read yet, an
// external URL. Env.JudgeLinks judges those once it is known.
type Result struct {
	Findings []finding.Finding
	Pending  []*page.Link
	// Unasked are the URLs (Engine.AskURL) of the links that wait for the
	// network in a run that will have no answer (Env.Unanswered): such a
	// link is not pending, since nothing could judge it, only counted.
	Unasked []string
}

// Site is what a check may ask about the pages and files of the site.
type Site interface {
	// Resolve maps a site path (without query or fragment, percent-decoded)
	// to the page or file it names: "/a/" → "/a/index.html", "/about" →
	// "/about.html" or "/about/index.html". ok is false when nothing exists.
	Resolve(sitePath string) (resolved string, ok bool)
	// Anchors returns the ids and a[name]s of the page at a resolved path,
	// and false when that is no page of the run — or, while pages are
	// still read, no page read yet.
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
