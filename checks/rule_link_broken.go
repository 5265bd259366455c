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

// malformedRefresh reports a meta refresh that names a URL browsers do not
// follow (the extractor leaves its target empty): the redirect the page
// asks for never happens.
func (lc *linkCheck) malformedRefresh(l *page.Link) {
	if lc.broken && strings.TrimSpace(l.Href) != "" {
		lc.add(l, ruleLinkBroken.ID, "meta refresh "+q(l.Href)+" is malformed: browsers ignore it and do not redirect")
	}
}

// missingTarget reports a site path that names no page or file.
func (lc *linkCheck) missingTarget(l *page.Link, t target) {
	if !lc.broken {
		return
	}
	// One concatenation a message, the quotes written out: a message
	// made in steps was made again at every step.
	if l.Href != t.path {
		lc.add(l, ruleLinkBroken.ID, "broken "+what(l)+` "`+l.Href+`": "`+t.path+`" does not exist`)
	} else {
		lc.add(l, ruleLinkBroken.ID, "broken "+what(l)+` "`+l.Href+`": no such page or file`)
	}
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

// brokenRemote reports a link to a page or file of the site that its
// server, asked at ask, did not serve: a link of the site, never called
// external.
func (lc *linkCheck) brokenRemote(l *page.Link, ask string, r ExternalResult) {
	if !lc.broken {
		return
	}
	msg := "broken " + what(l) + " " + q(firstNonEmpty(l.Href, l.Target)) + ": " + ask
	switch {
	case r.Reason == "":
		msg += " failed"
	case startsWithStatus(r.Reason):
		msg += " answers " + r.Reason
	default:
		msg += " failed: " + r.Reason
	}
	if r.FinalURL != "" && !strings.Contains(r.Reason, r.FinalURL) {
		msg += " (redirected to " + q(r.FinalURL) + ")"
	}
	lc.add(l, ruleLinkBroken.ID, msg)
}

// startsWithStatus reports whether a reason is an HTTP status ("404 Not
// Found") rather than a failure to get one.
func startsWithStatus(reason string) bool {
	return len(reason) >= 4 && reason[3] == ' ' && strings.Trim(reason[:3], "0123456789") == ""
}

// excluded reports whether links.exclude spares a link of the site: an
// expression that matches its href as written, or the site path it leads
// to (the same file however a page spells the link).
func (lc *linkCheck) excluded(l *page.Link, t target) bool {
	links := &lc.env.engine.cfg.Links
	return len(links.ExcludePatterns()) > 0 && t.path != "" && (links.Excluded(strings.TrimSpace(l.Href)) || links.Excluded(t.path))
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
