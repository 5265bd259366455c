package checks

import (
	"testing"
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
		{name: "fragments on other pages", env: linkSite, page: linking(
			ref("a", "/guide/#faq", "/guide/#faq", 10, 3),
			ref("a", "/guide/#nope", "/guide/#nope", 11, 3),
			ref("a", "/about/#team", "/about/#team", 12, 3),
		), want: []string{
			`docs/index.html 11:3 error link-fragment fragment "#nope" of link "/guide/#nope" names no id or a[name] on "/guide/index.html"`,
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
