package checks

import (
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// link-redirect (off by default): an external URL answers with a permanent
// redirect, so the link had better name where it leads. linkTargets
// (links.go) finds the links; this is its judgement.

var ruleLinkRedirect = finding.Rule{ID: "link-redirect", Severity: finding.Info, Off: true,
	Description: "an external link answers with a permanent redirect",
	Docs:        "docs/rules.md#link-redirect"}

func (lc *linkCheck) redirect(l *page.Link, r ExternalResult) {
	if lc.redirects {
		lc.add(l, ruleLinkRedirect.ID, "external "+what(l)+" "+q(firstNonEmpty(l.Href, l.Target))+" permanently redirects to "+q(r.FinalURL))
	}
}
