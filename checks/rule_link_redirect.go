package checks

import (
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// link-redirect (off by default): an external URL (or one of the site's
// own, on a server) answers with a permanent redirect, so the link had better name where it leads. linkTargets
// (links.go) finds the links; this is its judgement.

var ruleLinkRedirect = finding.Rule{ID: "link-redirect", Severity: finding.Info, Off: true,
	Description: "an external link answers with a permanent redirect",
	Docs:        "docs/rules.md#link-redirect"}

// redirect reports a link whose URL redirects for good; kind is
// "external " for an external link, "" for one of the site's own.
func (lc *linkCheck) redirect(l *page.Link, r ExternalResult, kind string) {
	if lc.redirects {
		lc.add(l, ruleLinkRedirect.ID, kind+what(l)+" "+q(firstNonEmpty(l.Href, l.Target))+" permanently redirects to "+q(r.FinalURL))
	}
}
