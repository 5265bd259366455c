package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// TestLinkFragment: fragments of this page, of other pages, of external
// pages.
func TestLinkFragment(t *testing.T) {
	runRuleCases(t, linkTargets{}, []ruleCase{
		{name: "fragments on the same page", env: linkSite, page: linking(
			ref("a", "#intro", "/docs/index.html#intro", 10, 3),
			ref("a", "#", "/docs/index.html#", 11, 3),
			ref("a", "#top", "/docs/index.html#top", 12, 3),
			ref("a", "#install", "/docs/index.html#install", 13, 3),
			ref("a", "index.html#nowhere", "/docs/index.html#nowhere", 14, 3),
			ref("a", "./#intro", "/docs/#intro", 15, 3),
		), want: []string{
			`docs/index.html 13:3 error link-fragment fragment "#install" names no id or a[name] on this page`,
			`docs/index.html 14:3 error link-fragment fragment "#nowhere" names no id or a[name] on this page`,
		}},
		{name: "a fragment that several elements share: a menu's links after the first lead to the first too", env: linkSite, page: func() *page.Page {
			p := linking(
				ref("a", "#intro", "/docs/index.html#intro", 10, 3),
				inMenu(ref("a", "#configuration", "/docs/index.html#configuration", 11, 3)),
				inMenu(ref("a", "#configuration", "/docs/index.html#configuration", 12, 3)),
				inMenu(ref("a", "#configuration", "/docs/index.html#configuration", 13, 3)),
				ref("a", "#configuration", "/docs/index.html#configuration", 40, 9), // in the text: may mean the first
			)
			p.Anchors = append(p.Anchors, "configuration")
			p.SharedAnchors = []string{"configuration"}
			return p
		}(), want: []string{
			`docs/index.html 12:3 warning link-fragment fragment "#configuration" names more than one element of this page (an id is one element's): like the link before it, this one leads to the first`,
			`docs/index.html 13:3 warning link-fragment fragment "#configuration" names more than one element of this page (an id is one element's): like the link before it, this one leads to the first`,
		}},
		{name: "a fragment that several elements share, a landmark first: the first link is the skip link, the later ones lead to the landmark too", env: linkSite, page: func() *page.Page {
			p := linking(
				ref("a", "#content", "/docs/index.html#content", 5, 3),  // "Skip to main content"
				ref("a", "#content", "/docs/index.html#content", 30, 1), // "Content" in a list of contents
				ref("a", "#content", "/docs/index.html#content", 40, 1), // "Content" in the text
				ref("a", "#main", "/docs/index.html#main", 6, 3),        // a landmark's id no one else carries
			)
			p.Anchors = append(p.Anchors, "content", "main")
			p.LandmarkAnchors = []string{"content"}
			return p
		}(), want: []string{
			`docs/index.html 30:1 warning link-fragment fragment "#content" names more than one element of this page (an id is one element's), a landmark first: like the skip link before it, this one leads to the landmark`,
			`docs/index.html 40:1 warning link-fragment fragment "#content" names more than one element of this page (an id is one element's), a landmark first: like the skip link before it, this one leads to the landmark`,
		}},
		{name: "the shared-fragment warning follows a lower rule setting", env: linkSite, config: `{"rules":{"link-fragment":"info"}}`,
			page: func() *page.Page {
				p := linking(inMenu(ref("a", "#intro", "/docs/index.html#intro", 10, 3)), inMenu(ref("a", "#intro", "/docs/index.html#intro", 20, 3)))
				p.SharedAnchors = []string{"intro"}
				return p
			}(), want: []string{
				`docs/index.html 20:3 info link-fragment fragment "#intro" names more than one element of this page (an id is one element's): like the link before it, this one leads to the first`,
			}},
		{name: "fragments on other pages", env: linkSite, page: linking(
			ref("a", "/guide/#faq", "/guide/#faq", 10, 3),
			ref("a", "/guide/#nope", "/guide/#nope", 11, 3),
			ref("a", "/about/#team", "/about/#team", 12, 3),
		), want: []string{
			`docs/index.html 11:3 error link-fragment fragment "#nope" of link "/guide/#nope" names no id or a[name] on "/guide/index.html"`,
		}},
		{name: "fragments of the site of a page on a server", env: func(e *Env) {
			e.Remote = true
			e.External = map[string]ExternalResult{
				"http://127.0.0.1:8080/support/#contact": {OK: true},
				"http://127.0.0.1:8080/support/#nowhere": {OK: true, FragmentMissing: true},
			}
		}, page: onServer("http://127.0.0.1:8080/",
			ref("a", "/support/#contact", "http://127.0.0.1:8080/support/#contact", 10, 3),
			ref("a", "/support/#nowhere", "http://127.0.0.1:8080/support/#nowhere", 11, 72),
		), want: []string{
			`story 11:72 error link-fragment fragment "#nowhere" of link "/support/#nowhere" names no id or a[name] on "/support/"`,
		}},
		{name: "an img's usemap names a map of the page", env: linkSite, page: func() *page.Page {
			p := linking(
				&page.Link{Tag: page.TagImg, Attr: page.AttrUsemap, Href: "#primary", Target: "/docs/index.html#primary", Label: "ok", Pos: page.Pos{Line: 5, Column: 4}},
				&page.Link{Tag: page.TagImg, Attr: page.AttrUsemap, Href: "#nomap", Target: "/docs/index.html#nomap", Label: "map", Pos: page.Pos{Line: 6, Column: 4}},
				&page.Link{Tag: page.TagImg, Attr: page.AttrUsemap, Href: "#intro", Target: "/docs/index.html#intro", Pos: page.Pos{Line: 7, Column: 4}},
			)
			p.Maps = []string{"primary"}
			return p
		}(), want: []string{
			`docs/index.html 6:4 error link-fragment usemap "#nomap" of img "map" names no <map name="nomap"> on this page`,
			`docs/index.html 7:4 error link-fragment usemap "#intro" of img names no <map name="intro"> on this page`,
		}},
		{name: "fragments switched off", env: linkSite, config: `{"links":{"fragments":false}}`,
			page: linking(ref("a", "#install", "/docs/index.html#install", 13, 3))},
		{name: "fragments of external pages", env: linkExternal, page: linking(
			ref("a", "https://example.com/ok", "https://example.com/ok", 10, 3),
			ref("a", "https://example.com/doc#sec", "https://example.com/doc#sec", 12, 3),
		), want: []string{
			`docs/index.html 12:3 error link-fragment fragment "#sec" of external link "https://example.com/doc#sec" names no id or a[name] on that page`,
		}},
	})
}

// inMenu places l in a menu.
func inMenu(l *page.Link) *page.Link {
	l.Region = page.RegionNav
	return l
}
