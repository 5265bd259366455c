package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/memo"
	"github.com/pagelint/pagelint/internal/page"
)

// linkTargets judges where every link and asset reference of a page leads,
// in one pass over its links: whether the target exists (link-broken), names
// an anchor that exists (link-fragment), or redirects for good
// (link-redirect). Internal targets are asked of the site, external ones of
// the link checker's results, fragments of the target page's anchors; each
// rule's own judgement lives in its rule_link_*.go file.
type linkTargets struct{}

func (linkTargets) Rules() []finding.Rule {
	return []finding.Rule{ruleLinkBroken, ruleLinkFragment, ruleLinkRedirect}
}

func (linkTargets) Check(p *page.Page, env *Env) Result { return checkLinks(p, env, env.Reading) }

// checkLinks judges the links of p; while reading, those that need a page
// not read yet or the network are returned pending.
func checkLinks(p *page.Page, env *Env, reading bool) Result {
	rules := env.engine.rules
	lc := linkCheck{
		p:         p,
		env:       env,
		reading:   reading,
		broken:    rules.On(ruleLinkBroken.ID),
		fragments: rules.On(ruleLinkFragment.ID) && env.engine.cfg.Links.CheckFragments(),
		redirects: rules.On(ruleLinkRedirect.ID),
	}
	defer clear(env.anchors)
	lc.scope = newScope(p.URL, env.engine.site)
	lc.self = lc.scope.pageTarget()
	for i, l := range p.Links {
		if l != nil {
			lc.left = len(p.Links) - i
			lc.check(l)
		}
	}
	lc.result.Findings = fitted(lc.result.Findings)
	return lc.result
}

// linkCheck is the judging of one page's links.
type linkCheck struct {
	p                            *page.Page
	env                          *Env
	scope                        scope
	self                         target
	reading                      bool
	broken, fragments, redirects bool
	result                       Result
	// left: the links not judged yet, the one being judged among them.
	left int
	// sharedSeen: the shared anchors a link of the page led to already.
	sharedSeen map[string]bool
}

// add reports on l.
func (lc *linkCheck) add(l *page.Link, rule, msg string) {
	lc.result.Findings = appendReserving(lc.result.Findings, lc.left,
		atMsg(lc.p.Source, rule, l.Pos, l.Selector, finding.NewContext("href", l.Href, "target", l.Target, "tag", l.Tag.String()), msg))
}

// pend leaves l to be judged once every page is read.
func (lc *linkCheck) pend(l *page.Link) { lc.result.Pending = append(lc.result.Pending, l) }

func (lc *linkCheck) check(l *page.Link) {
	if l.Ignored {
		return // data-pagelint-ignore: no finding, no request
	}
	switch {
	case l.Attr == page.AttrUsemap:
		lc.usemap(l)
		return
	case l.Tag == page.TagMeta && l.Target == "":
		lc.malformedRefresh(l)
		return
	}
	raw := firstNonEmpty(l.Target, l.Href)
	if strings.TrimSpace(raw) == "" {
		return // an empty href is the page itself; nav-dead-link reports menu entries
	}
	if l.Tag == page.TagLink && hintOnly(l.Rel()) {
		return // an origin to connect to early, not a resource: its root may well 404
	}
	// A site path the parser resolved leads to the same file and anchor
	// from every page (a path to the page itself to its own anchors, the
	// same): one found fine is fine for every link to it.
	// A link to an anchor several elements share is judged by its place
	// among the page's links to it (rule_link_fragment.go), never settled.
	settled := lc.env.settled
	sitePath := l.Target != "" && l.Target[0] == '/' && !strings.HasPrefix(l.Target, "//") && !lc.toShared(l.Target)
	if sitePath && settled[l.Target] {
		return
	}
	found, pending := len(lc.result.Findings), len(lc.result.Pending)+len(lc.result.Unasked)
	t := lc.classify(lc.scope.written(l.Href, raw))
	switch t.kind {
	case targetMalformed:
		lc.malformed(l)
	case targetInternal:
		lc.checkInternal(l, t)
	case targetExternal:
		lc.checkExternal(l, t)
	case targetContact:
		lc.checkContact(l, raw)
	}
	if sitePath && t.kind == targetInternal && len(lc.result.Findings) == found && len(lc.result.Pending)+len(lc.result.Unasked) == pending {
		memo.Put(settled, strings.Clone(l.Target), true)
	}
}

// classify is classify(raw, lc.scope). An absolute URL linked from a page
// on disk classifies by itself and the site alone, whatever the page: it
// is classified once (in memory of its own, not the page's) and
// remembered.
func (lc *linkCheck) classify(raw string) target {
	if lc.scope.host != "" || !isHTTP(raw) {
		return classify(raw, lc.scope)
	}
	cache := lc.env.classified
	if t, ok := cache[raw]; ok {
		return t
	}
	raw = strings.Clone(raw)
	t := classify(raw, lc.scope)
	memo.Put(cache, raw, t)
	return t
}

func (lc *linkCheck) checkInternal(l *page.Link, t target) {
	if samePage(t, lc.self) {
		lc.ownFragment(l, t)
		return
	}
	if lc.excluded(l, t) {
		return
	}
	site := lc.env.Site
	var resolved string
	ok := false
	if site != nil {
		resolved, ok = site.Resolve(t.path)
	}
	switch {
	case !ok && lc.env.Remote:
		lc.checkRemote(l, t)
		return
	case !ok && site != nil:
		lc.missingTarget(l, t)
		return
	case !ok:
		return // no site to ask
	}
	if !lc.fragments || !t.hasFragment || fragmentFine(t.fragment) {
		return
	}
	anchors, isPage := lc.pageAnchors(resolved)
	if !isPage && lc.reading {
		lc.pend(l) // a page not read yet
		return
	}
	if isPage {
		lc.otherFragment(l, t, resolved, anchors)
	}
}

// pageAnchors are the anchors of the page at a resolved path, and whether
// it is a page (read so far).
func (lc *linkCheck) pageAnchors(resolved string) (map[string]bool, bool) {
	cache := lc.env.anchors
	if a, ok := cache[resolved]; ok {
		return a, a != nil
	}
	a, ok := lc.env.Site.Anchors(resolved)
	if !ok {
		a = nil
	}
	cache[resolved] = a
	return a, ok
}

func (lc *linkCheck) checkExternal(l *page.Link, t target) {
	if r, _, ok := lc.answer(l, t); ok {
		if !r.OK {
			lc.brokenExternal(l, r)
			return
		}
		if r.FragmentMissing {
			lc.externalFragment(l, t)
		}
		if r.Permanent {
			lc.redirect(l, r, "external ")
		}
	}
}

// checkRemote judges a link to a page or file of the site that the run
// does not have on disk: by the answer its URL gave.
func (lc *linkCheck) checkRemote(l *page.Link, t target) {
	if r, ask, ok := lc.answer(l, t); ok {
		if !r.OK {
			lc.brokenRemote(l, ask, r)
			return
		}
		if r.FragmentMissing && lc.fragments {
			lc.otherFragment(l, t, t.path, nil)
		}
		if r.Permanent {
			lc.redirect(l, r, "")
		}
	}
}

// answer is what the request that judges l gave, and the URL it asked;
// while pages are still read, l is left pending (its URL listed unasked in
// a run that will have no answer) and ok is false, as it is for a link
// that no request judged (excluded, offline, or with no URL to ask).
func (lc *linkCheck) answer(l *page.Link, t target) (r ExternalResult, ask string, ok bool) {
	if lc.reading && lc.env.Unanswered {
		if ask := lc.env.engine.AskURL(lc.p.URL, l.Href, l.Target); ask != "" {
			lc.result.Unasked = append(lc.result.Unasked, ask)
		}
		return r, "", false
	}
	if lc.reading {
		lc.pend(l)
		return r, "", false
	}
	ask = lc.env.engine.AskURL(lc.p.URL, l.Href, l.Target)
	for _, key := range [...]string{ask, l.Target, t.url} {
		if r, ok = lc.env.External[key]; ok && key != "" {
			return r, firstNonEmpty(ask, key), true
		}
	}
	return r, "", false
}

// AskURL is the URL whose answer judges a link, written href and resolved
// to target, of the page at pageURL, when a check left it pending for the
// network: the target of an external link, and the URL of a link to the
// site of a page that lives on a server (on the origin the page was read
// from, see urlnorm.Site.Ask); "" when no request judges it (a link into a
// site on disk, or of a page that names no origin).
func (e *Engine) AskURL(pageURL, href, target string) string {
	sc := newScope(pageURL, e.site)
	raw := sc.written(href, firstNonEmpty(target, href))
	if !isHTTP(raw) {
		return ""
	}
	if sc.onDisk() && !e.site.HasBase() {
		return raw // a site on disk that names no base owns no URL
	}
	switch classify(raw, sc).kind {
	case targetExternal:
		return raw
	case targetInternal:
		if !sc.onDisk() {
			return e.site.Ask(raw, pageURL)
		}
	}
	return ""
}

// isHTTP reports whether s is an absolute http(s) URL.
func isHTTP(s string) bool {
	return len(s) > 7 && (strings.EqualFold(s[:7], "http://") || len(s) > 8 && strings.EqualFold(s[:8], "https://"))
}

// what names a reference in messages: "link" for a and area, else the
// element and attribute it was written in ("img src").
func what(l *page.Link) string {
	switch {
	case l.Tag == page.TagA || l.Tag == page.TagArea || l.Tag == 0:
		return "link"
	case l.Tag == page.TagLink && l.Rel() != "":
		return strings.ToLower(l.Rel()) + " link"
	case l.Tag == page.TagLink:
		return "link element"
	case l.Tag == page.TagMeta:
		return "refresh target"
	}
	return l.Tag.String() + " " + l.Attr.String()
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
