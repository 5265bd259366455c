package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/linkcheck"
	"github.com/pagelint/pagelint/internal/page"
)

// link-broken: a link's target does not exist, an external URL fails, or
// the URL is malformed. linkTargets (links.go) finds the links; these are
// its judgements.

var ruleLinkBroken = finding.Rule{ID: "link-broken", Severity: finding.Error,
	Description: "an internal target (page or asset) does not exist, an external URL is broken, or an URL is malformed",
	Docs:        "docs/rules.md#link-broken"}

func (lc *linkCheck) malformed(l *page.Link) {
	if lc.broken {
		lc.add(l, ruleLinkBroken.ID, "malformed URL "+q(firstNonEmpty(l.Href, l.Target))+" in "+what(l))
	}
}

// missingTarget reports a site path that names no page or file.
func (lc *linkCheck) missingTarget(l *page.Link, t target) {
	if !lc.broken {
		return
	}
	msg := "broken " + what(l) + " " + q(l.Href)
	if l.Href != t.path {
		msg += ": " + q(t.path) + " does not exist"
	} else {
		msg += ": no such page or file"
	}
	lc.add(l, ruleLinkBroken.ID, msg)
}

// brokenExternal reports an external URL the link checker found broken.
func (lc *linkCheck) brokenExternal(l *page.Link, r ExternalResult) {
	if !lc.broken {
		return
	}
	msg := "external " + what(l) + " " + q(firstNonEmpty(l.Href, l.Target)) + " is broken"
	if r.Reason != "" {
		msg += ": " + r.Reason
	}
	// Where redirects led is what is broken, and what to fix.
	if r.FinalURL != "" && !strings.Contains(r.Reason, r.FinalURL) {
		msg += " (redirected to " + q(r.FinalURL) + ")"
	}
	lc.add(l, ruleLinkBroken.ID, msg)
}

// checkContact checks the address of a mailto: link and the number of a
// tel: link; no request is made, so they are checked offline too, and
// links.exclude spares them as it spares URLs.
func (lc *linkCheck) checkContact(l *page.Link, raw string) {
	if !lc.broken || lc.env.engine.cfg.Links.Excluded(raw) {
		return
	}
	if err := linkcheck.CheckSyntax(raw); err != nil {
		lc.add(l, ruleLinkBroken.ID, "broken "+what(l)+" "+q(firstNonEmpty(l.Href, raw))+": "+err.Error())
	}
}
