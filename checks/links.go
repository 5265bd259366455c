package checks

import (
	"strings"
	"sync"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/linkcheck"
	"github.com/pagelint/pagelint/internal/page"
)

var ruleLinkBroken = finding.Rule{ID: "link-broken", Severity: finding.Error,
	Description: "an internal target (page or asset) does not exist, an external URL is broken, or an URL is malformed"}
var ruleLinkFragment = finding.Rule{ID: "link-fragment", Severity: finding.Error,
	Description: "a #fragment names no id or <a name> on the target page"}
var ruleLinkRedirect = finding.Rule{ID: "link-redirect", Severity: finding.Info, Off: true,
	Description: "an external link answers with a permanent redirect"}
var ruleLinkNoText = finding.Rule{ID: "link-no-text", Severity: finding.Warning,
	Description: "a link with no accessible name (no text, aria-label, image alt or title)"}

// linkTargets checks where every link and asset reference of a page leads:
// internal targets against the site, external ones against the link
// checker's results, and fragments against the target page's anchors.
type linkTargets struct{}

func (linkTargets) Rules() []finding.Rule {
	return []finding.Rule{ruleLinkBroken, ruleLinkFragment, ruleLinkRedirect}
}

func (linkTargets) Check(p *page.Page, env *Env) []finding.Finding {
	cfg := env.config()
	lc := linkCheck{
		p:         p,
		env:       env,
		base:      parseSiteBase(cfg.Site.BaseURL),
		broken:    env.rules().On(ruleLinkBroken.ID),
		fragments: env.rules().On(ruleLinkFragment.ID) && cfg.Links.CheckFragments(),
		redirects: env.rules().On(ruleLinkRedirect.ID),
	}
	defer lc.release()
	lc.self = pageTarget(p, lc.base)
	for _, l := range p.Links {
		if l != nil {
			lc.check(l)
		}
	}
	return lc.out
}

type linkCheck struct {
	p                            *page.Page
	env                          *Env
	base                         *siteBase
	self                         target
	broken, fragments, redirects bool
	// anchors caches the anchors of other pages by resolved path; taken
	// from anchorCaches when first needed, and returned by release.
	anchors  map[string]map[string]bool
	out      []finding.Finding
	deferred int // links handed to Env.Defer
}

func (lc *linkCheck) deferLink(l *page.Link) {
	lc.deferred++
	lc.env.Defer(lc.p, l)
}

// anchorCaches keeps linkCheck.anchors between pages: most pages link to
// fragments of other pages, so each would make and grow a map of its own.
var anchorCaches = sync.Pool{New: func() any { return map[string]map[string]bool{} }}

func (lc *linkCheck) release() {
	if lc.anchors != nil {
		clear(lc.anchors)
		anchorCaches.Put(lc.anchors)
		lc.anchors = nil
	}
}

func (lc *linkCheck) add(l *page.Link, rule, msg string) {
	lc.out = append(lc.out, atMsg(lc.p, rule, l.Pos, l.Selector,
		map[string]string{"href": l.Href, "target": l.Target, "tag": l.Tag}, msg))
}

// what names a reference in messages: "link" for a and area, else the
// element and attribute it was written in ("img src").
func what(l *page.Link) string {
	switch {
	case l.Tag == "a" || l.Tag == "area" || l.Tag == "":
		return "link"
	case l.Tag == "link" && l.Rel != "":
		return strings.ToLower(l.Rel) + " link"
	case l.Tag == "link":
		return "link element"
	}
	return l.Tag + " " + l.Attr
}

func (lc *linkCheck) check(l *page.Link) {
	raw := l.Target
	if raw == "" {
		raw = l.Href
	}
	if strings.TrimSpace(raw) == "" {
		return // an empty href is the page itself; nav-dead-link reports menu entries
	}
	if l.Tag == "link" && hintOnly(l.Rel) {
		return // an origin to connect to early, not a resource: its root may well 404
	}
	// A site path the parser resolved leads to the same file and anchor
	// from every page (a path to the page itself to its own anchors, the
	// same): one found fine is fine for every link to it.
	var settled map[string]bool
	if lc.env != nil {
		settled = lc.env.Settled
	}
	sitePath := settled != nil && l.Target != "" && l.Target[0] == '/' && !strings.HasPrefix(l.Target, "//")
	if sitePath && settled[l.Target] {
		return
	}
	found, deferred := len(lc.out), lc.deferred
	t := classify(raw, lc.p, lc.base)
	switch t.kind {
	case targetMalformed:
		if lc.broken {
			lc.add(l, ruleLinkBroken.ID, "malformed URL "+q(firstNonEmpty(l.Href, l.Target))+" in "+what(l))
		}
	case targetInternal:
		lc.checkInternal(l, t)
	case targetExternal:
		lc.checkExternal(l, t)
	case targetContact:
		lc.checkContact(l, raw)
	}
	if sitePath && t.kind == targetInternal && len(lc.out) == found && lc.deferred == deferred {
		settled[strings.Clone(l.Target)] = true
	}
}

// checkContact checks the address of a mailto: link and the number of a
// tel: link; no request is made, so they are checked offline too, and
// links.exclude spares them as it spares URLs.
func (lc *linkCheck) checkContact(l *page.Link, raw string) {
	if !lc.broken || lc.env.config().Links.Excluded(raw) {
		return
	}
	if err := linkcheck.CheckSyntax(raw); err != nil {
		lc.add(l, ruleLinkBroken.ID, "broken "+what(l)+" "+q(firstNonEmpty(l.Href, raw))+": "+err.Error())
	}
}

func (lc *linkCheck) checkInternal(l *page.Link, t target) {
	if samePage(t, lc.self) {
		if lc.fragments && t.hasFragment && !fragmentFine(t.fragment) && !contains(lc.p.Anchors, t.fragment) {
			lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" names no id or a[name] on this page")
		}
		return
	}
	if lc.env == nil || lc.env.Site == nil {
		// No site to ask (a page read from standard input or a URL):
		// absolute links on the site's own origin may still have been
		// checked as external URLs.
		if l.Target != "" && strings.Contains(l.Target, "://") {
			url, _, _ := strings.Cut(l.Target, "#")
			lc.checkExternal(l, target{kind: targetExternal, url: url, fragment: t.fragment, hasFragment: t.hasFragment})
		}
		return
	}
	resolved, ok := lc.env.Site.Resolve(t.path)
	if !ok {
		if lc.broken {
			msg := "broken " + what(l) + " " + q(l.Href)
			if l.Href != t.path {
				msg += ": " + q(t.path) + " does not exist"
			} else {
				msg += ": no such page or file"
			}
			lc.add(l, ruleLinkBroken.ID, msg)
		}
		return
	}
	if !lc.fragments || !t.hasFragment || fragmentFine(t.fragment) {
		return
	}
	if lc.env.Defer != nil {
		// While pages are still read, a page not read yet is judged later.
		if _, read := lc.pageAnchors(resolved); !read {
			lc.deferLink(l)
			return
		}
	}
	anchors, isPage := lc.pageAnchors(resolved)
	if isPage && !anchors[t.fragment] {
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" of "+what(l)+" "+q(l.Href)+" names no id or a[name] on "+q(resolved))
	}
}

func (lc *linkCheck) pageAnchors(resolved string) (map[string]bool, bool) {
	if a, ok := lc.anchors[resolved]; ok {
		return a, a != nil
	}
	a, ok := lc.env.Site.Anchors(resolved)
	if lc.anchors == nil {
		lc.anchors = anchorCaches.Get().(map[string]map[string]bool)
	}
	if !ok {
		a = nil
	}
	lc.anchors[resolved] = a
	return a, ok
}

func (lc *linkCheck) checkExternal(l *page.Link, t target) {
	if lc.env != nil && lc.env.Defer != nil {
		lc.deferLink(l)
		return
	}
	if lc.env == nil || lc.env.External == nil {
		return
	}
	r, ok := lc.env.External[l.Target]
	if !ok {
		r, ok = lc.env.External[t.url]
	}
	if !ok {
		return // excluded, or not checked in this run
	}
	url := firstNonEmpty(l.Href, l.Target)
	switch {
	case !r.OK:
		if lc.broken {
			msg := "external " + what(l) + " " + q(url) + " is broken"
			if r.Reason != "" {
				msg += ": " + r.Reason
			}
			// Where redirects led is what is broken, and what to fix.
			if r.FinalURL != "" && !strings.Contains(r.Reason, r.FinalURL) {
				msg += " (redirected to " + q(r.FinalURL) + ")"
			}
			lc.add(l, ruleLinkBroken.ID, msg)
		}
		return
	case r.FragmentMissing && lc.fragments:
		lc.add(l, ruleLinkFragment.ID, "fragment "+q("#"+t.fragment)+" of external "+what(l)+" "+q(url)+" names no id or a[name] on that page")
	}
	if r.Permanent && lc.redirects {
		lc.add(l, ruleLinkRedirect.ID, "external "+what(l)+" "+q(url)+" permanently redirects to "+q(r.FinalURL))
	}
}

// hintOnly reports whether a link element's rel names an origin rather than
// a resource (preconnect, dns-prefetch).
func hintOnly(rel string) bool {
	for r := range strings.FieldsSeq(strings.ToLower(rel)) {
		if r != "preconnect" && r != "dns-prefetch" {
			return false
		}
	}
	return rel != ""
}

// fragmentFine: "#" and "#top" lead to the top of any page.
func fragmentFine(frag string) bool {
	return frag == "" || strings.EqualFold(frag, "top")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// linkNoText finds links that have no accessible name.
type linkNoText struct{}

func (linkNoText) Rules() []finding.Rule {
	return []finding.Rule{ruleLinkNoText}
}

func (linkNoText) Check(p *page.Page, _ *Env) []finding.Finding {
	var out []finding.Finding
	for _, l := range p.Links {
		if l == nil || (l.Tag != "a" && l.Tag != "area") || strings.TrimSpace(l.Label) != "" {
			continue
		}
		ctx := map[string]string{"href": l.Href, "target": l.Target, "tag": l.Tag}
		const why = "has no accessible name (no text, aria-label, image alt or title)"
		if href := firstNonEmpty(l.Href, l.Target); href != "" {
			out = append(out, at(p, ruleLinkNoText.ID, l.Pos, l.Selector, ctx, "link to %s %s", q(href), why))
		} else {
			out = append(out, at(p, ruleLinkNoText.ID, l.Pos, l.Selector, ctx, "link %s", why))
		}
	}
	return out
}
