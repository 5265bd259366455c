package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// What a page is decides which rules of menus and footers apply to it. A
// redirect stub and a file that is no page have no menus or footer to
// judge; a page whose menus and footer its scripts build has none in its
// source. The rules ask the Env (standingOf), which works it out once per
// page. docs/rules.md, "Pages without content of their own", says the same.

// PageKind says whether a page has content of its own.
type PageKind uint8

// Kinds of pages.
const (
	ContentPage  PageKind = iota // a page with content of its own
	RedirectStub                 // sends readers elsewhere and has nothing of its own
	NotAPage                     // a .html file that is no page: no title, landmark or link
)

func (k PageKind) String() string {
	switch k {
	case RedirectStub:
		return "redirect stub"
	case NotAPage:
		return "file that is no page"
	}
	return "page"
}

// stubWords is the most text (Page.Words) a page without content of its
// own shows: "Redirecting… Click here if you are not redirected" and the
// like.
const stubWords = 25

// stubLinks is the most links such a page has: the "click here" link to
// its target, and perhaps one or two like it.
const stubLinks = 3

// KindOf tells whether a page has content of its own. A redirect stub
// sends readers elsewhere (a meta refresh with a URL, or rel=canonical to
// another page) and has no menu, header or footer, at most a few links
// and a few words. A file that is no page has no title, no lang, no
// landmark and no reference at all: a site-verification token. Rendered-text
// snapshots always have content of their own: they are what a reader saw.
func KindOf(p *page.Page) PageKind {
	if p == nil {
		return NotAPage
	}
	if p.Format == page.FormatText || len(menusIn(p)) > 0 || p.Header != nil || p.Footer != nil || p.Words > stubWords {
		return ContentPage
	}
	if p.Redirect != "" && pointsAway(p.Redirect, p) {
		if anchorLinks(p) <= stubLinks {
			return RedirectStub
		}
		return ContentPage
	}
	canonical := false
	for _, l := range p.Links {
		if l != nil && l.Tag == page.TagLink && hasRel(l.Rel(), "canonical") && pointsAway(firstNonEmpty(l.Target, l.Href), p) {
			canonical = true
			break
		}
	}
	switch {
	case canonical && anchorLinks(p) <= stubLinks:
		return RedirectStub
	case p.Title == "" && p.Lang == "" && len(p.Links) == 0 && len(p.Controls) == 0 && len(p.Anchors) == 0:
		return NotAPage
	}
	return ContentPage
}

// anchorLinks counts the page's a and area links.
func anchorLinks(p *page.Page) int {
	n := 0
	for _, l := range p.Links {
		if l != nil && (l.Tag == page.TagA || l.Tag == page.TagArea) {
			n++
		}
	}
	return n
}

// hasRel reports whether a rel attribute (space-separated keywords) holds
// keyword.
func hasRel(rel, keyword string) bool {
	for _, r := range strings.Fields(rel) {
		if strings.EqualFold(r, keyword) {
			return true
		}
	}
	return false
}

// pointsAway reports whether a redirect or canonical URL names another
// page than p. Without site.baseURL an absolute URL's path is compared
// with the page's: sites write their canonical URLs absolute.
func pointsAway(raw string, p *page.Page) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return false
	}
	if ref, ok := resolveAgainst(p.URL, raw); ok {
		raw = ref
	}
	sc := newScope(p.URL, nil)
	t := classify(raw, sc)
	self := sc.pageTarget()
	if samePage(t, self) {
		return false
	}
	if t.kind == targetExternal && self.kind == targetInternal {
		if path := pathOf(t.url); path != "" && sameIndexPath(path, self.path) {
			return false
		}
	}
	return t.kind != targetMalformed && t.kind != targetOther
}

// pathOf is the path of an absolute URL ("/" for none).
func pathOf(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	i := strings.IndexAny(rest, "/?#")
	if i < 0 || rest[i] != '/' {
		return "/"
	}
	rest = rest[i:]
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// standing is what the rules of menus and footers ask of a page.
type standing struct {
	p     *page.Page
	kind  PageKind
	built Built
}

// judged reports whether the page has menus and a footer of its own to
// judge.
func (s *standing) judged() bool { return s.kind == ContentPage }

// standingOf works out what p is, once per page: the Env keeps the answer
// for the page it is checking.
func (env *Env) standingOf(p *page.Page) *standing {
	if env.standing.p != p || p == nil {
		env.standing = standing{p: p, kind: KindOf(p)}
		if env.standing.kind == ContentPage {
			env.standing.built = BuiltByScript(p)
		}
	}
	return &env.standing
}
