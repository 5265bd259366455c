package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// TestLinkBroken: targets that exist or not, malformed URLs, mailto: and tel:
// syntax, external results.
func TestLinkBroken(t *testing.T) {
	runRuleCases(t, linkTargets{}, []ruleCase{
		{name: "internal targets that exist", env: linkSite, page: linking(
			ref("a", "/about/", "/about/", 10, 3),
			ref("a", "../about", "/about", 11, 3),
			ref("a", "/contact?ref=nav", "/contact?ref=nav", 12, 3),
			ref("a", "/my%20page.html", "/my%20page.html", 13, 3),
			ref("img", "../img/logo.png", "/img/logo.png", 14, 3),
			ref("a", "mailto:info@example.com", "mailto:info@example.com", 15, 3),
			ref("a", "tel:+1-555-0100", "tel:+1-555-0100", 16, 3),
			ref("a", "https://example.com/unknown", "https://example.com/unknown", 17, 3),
		)},
		{name: "internal targets that do not exist", env: linkSite, page: linking(
			ref("a", "missing.html", "/docs/missing.html", 10, 3),
			ref("a", "/gone/", "/gone/", 11, 3),
			ref("img", "logo.png", "/docs/logo.png", 12, 5),
			ref("a", "../../../etc/passwd", "/etc/passwd", 13, 3),
		), want: []string{
			`docs/index.html 10:3 error link-broken broken link "missing.html": "/docs/missing.html" does not exist`,
			`docs/index.html 11:3 error link-broken broken link "/gone/": no such page or file`,
			`docs/index.html 12:5 error link-broken broken img src "logo.png": "/docs/logo.png" does not exist`,
			`docs/index.html 13:3 error link-broken broken link "../../../etc/passwd": "/etc/passwd" does not exist`,
		}},
		{name: "resource hints name origins, not resources", env: func(e *Env) {
			e.External = map[string]ExternalResult{"https://fonts.gstatic.com": {OK: false, Reason: "404 Not Found"}}
		}, page: linking(&page.Link{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "preconnect"}, Href: "https://fonts.gstatic.com", Target: "https://fonts.gstatic.com", Pos: page.Pos{Line: 5, Column: 3}})},
		{name: "stylesheets and other link elements", env: linkSite, page: linking(
			&page.Link{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "stylesheet"}, Href: "/css/site.css", Target: "/css/site.css", Pos: page.Pos{Line: 5, Column: 3}},
			&page.Link{Tag: page.TagLink, Attr: page.AttrHref, Href: "/x.json", Target: "/x.json", Pos: page.Pos{Line: 6, Column: 3}},
		), want: []string{
			`docs/index.html 5:3 error link-broken broken stylesheet link "/css/site.css": no such page or file`,
			`docs/index.html 6:3 error link-broken broken link element "/x.json": no such page or file`,
		}},
		{name: "no site: internal targets are not checked", page: linking(ref("a", "missing.html", "/docs/missing.html", 10, 3))},
		{name: "absolute URLs on the site's base are internal", env: linkSite,
			config: `{"site":{"baseURL":"https://www.contoso.com/"}}`, page: linking(
				ref("a", "https://www.contoso.com/about/", "https://www.contoso.com/about/", 10, 3),
				ref("a", "https://WWW.contoso.com:443/nope.html", "https://WWW.contoso.com:443/nope.html", 11, 3),
			), want: []string{`docs/index.html 11:3 error link-broken broken link "https://WWW.contoso.com:443/nope.html": "/nope.html" does not exist`}},
		{name: "malformed URLs", env: linkSite, page: linking(
			ref("a", "http://exa mple.com", "", 10, 3),
			ref("a", "https://[::1", "", 11, 3),
		), want: []string{
			`docs/index.html 10:3 error link-broken malformed URL "http://exa mple.com" in link`,
			`docs/index.html 11:3 error link-broken malformed URL "https://[::1" in link`,
		}},
		{name: "mailto and tel links: syntax only", page: linking(
			ref("a", "mailto:info@example.com", "mailto:info@example.com", 10, 3),
			ref("a", "mailto:a@example.com,b@example.org?subject=Hi", "mailto:a@example.com,b@example.org?subject=Hi", 11, 3),
			ref("a", "tel:+1-555-0100", "tel:+1-555-0100", 12, 3),
			ref("a", "tel:+44 20 7946 0000;ext=12", "tel:+44 20 7946 0000;ext=12", 13, 3),
			ref("a", "mailto:someone@", "mailto:someone@", 20, 3),
			ref("a", "mailto:?subject=Hi", "mailto:?subject=Hi", 21, 3),
			ref("a", "MAILTO:info@example", "MAILTO:info@example", 22, 3),
			ref("a", "tel:call-us", "tel:call-us", 23, 3),
		), want: []string{
			`docs/index.html 20:3 error link-broken broken link "mailto:someone@": invalid email address "someone@"`,
			`docs/index.html 21:3 error link-broken broken link "mailto:?subject=Hi": mailto link has no address`,
			`docs/index.html 22:3 error link-broken broken link "MAILTO:info@example": invalid email address "info@example": bad domain "example"`,
			`docs/index.html 23:3 error link-broken broken link "tel:call-us": invalid telephone number "call-us"`,
		}},
		{name: "mailto links excluded", config: `{"links":{"exclude":["^mailto:legacy"]}}`, page: linking(
			ref("a", "mailto:legacy@", "mailto:legacy@", 20, 3),
		)},
		{name: "broken links set to warning", env: linkExternal, config: `{"rules":{"link-broken":"warning"}}`, page: linking(
			ref("a", "https://example.com/gone", "https://example.com/gone", 11, 3),
		), want: []string{
			`docs/index.html 11:3 warning link-broken external link "https://example.com/gone" is broken: 404 Not Found`,
		}},
		{name: "external results", env: linkExternal, page: linking(
			ref("a", "https://example.com/ok", "https://example.com/ok", 10, 3),
			ref("a", "https://example.com/gone", "https://example.com/gone", 11, 3),
			ref("a", "https://example.com/unchecked", "https://example.com/unchecked", 14, 3),
			ref("a", "https://example.com/moved", "https://example.com/moved", 15, 3),
			ref("a", "https://example.com/loop", "https://example.com/loop", 16, 3),
		), want: []string{
			`docs/index.html 11:3 error link-broken external link "https://example.com/gone" is broken: 404 Not Found`,
			`docs/index.html 15:3 error link-broken external link "https://example.com/moved" is broken: 404 Not Found (redirected to "https://example.com/gone-too")`,
			`docs/index.html 16:3 error link-broken external link "https://example.com/loop" is broken: redirect loop at https://example.com/loop`,
		}},
		{name: "meta refresh targets", env: linkSite, page: linking(
			&page.Link{Tag: page.TagMeta, Attr: page.AttrContent, Href: "nope.html", Target: "/docs/nope.html", Pos: page.Pos{Line: 4, Column: 1}},
			&page.Link{Tag: page.TagMeta, Attr: page.AttrContent, Href: "/about/", Target: "/about/", Pos: page.Pos{Line: 5, Column: 1}},
			&page.Link{Tag: page.TagMeta, Attr: page.AttrContent, Href: "3x;url=target.html", Pos: page.Pos{Line: 6, Column: 1}},
		), want: []string{
			`docs/index.html 4:1 error link-broken broken refresh target "nope.html": "/docs/nope.html" does not exist`,
			`docs/index.html 6:1 error link-broken meta refresh "3x;url=target.html" is malformed: browsers ignore it and do not redirect`,
		}},
		{name: "links of the site of a page on a server are asked of it, never external", env: func(e *Env) {
			e.Remote = true
			e.External = map[string]ExternalResult{
				"https://www.news.example/gone":      {Reason: "404 Not Found"},
				"https://www.news.example/down":      {Reason: "DNS lookup failed: no such host"},
				"https://www.news.example/world/":    {OK: true},
				"https://elsewhere.example/gone":     {Reason: "404 Not Found"},
				"https://www.news.example/old-world": {OK: true, Permanent: true, FinalURL: "https://www.news.example/world/"},
			}
		}, page: onServer("https://www.news.example/world/2026/story",
			ref("a", "/gone", "https://www.news.example/gone", 10, 3),
			ref("img", "/down", "https://www.news.example/down", 11, 3),
			ref("a", "/world/", "https://www.news.example/world/", 12, 3),
			ref("a", "/not-asked", "https://www.news.example/not-asked", 13, 3),
			ref("a", "https://elsewhere.example/gone", "https://elsewhere.example/gone", 14, 3),
		), want: []string{
			`story 10:3 error link-broken broken link "/gone": https://www.news.example/gone answers 404 Not Found`,
			`story 11:3 error link-broken broken img src "/down": https://www.news.example/down failed: DNS lookup failed: no such host`,
			`story 14:3 error link-broken external link "https://elsewhere.example/gone" is broken: 404 Not Found`,
		}},
		{name: "a staging page's links to production are asked of staging", config: `{"site":{"baseURL":"https://www.contoso.example/"}}`,
			env: func(e *Env) {
				e.engine.ReadFrom([]string{"http://127.0.0.1:8080/"})
				e.Remote = true
				e.External = map[string]ExternalResult{"http://127.0.0.1:8080/products/": {Reason: "404 Not Found"}}
			}, page: onServer("http://127.0.0.1:8080/",
				ref("a", "https://www.contoso.example/products/", "https://www.contoso.example/products/", 10, 3),
			), want: []string{
				`story 10:3 error link-broken broken link "https://www.contoso.example/products/": http://127.0.0.1:8080/products/ answers 404 Not Found`,
			}},
		{name: "a saved page's neighbours on disk are found", env: func(e *Env) {
			e.Remote = true
			e.Site = fakeSite{files: []string{"/world/2026/story_files/chart.gif"}}
			e.External = map[string]ExternalResult{"https://www.news.example/world/2026/story_files/chart.gif": {Reason: "404 Not Found"}}
		}, page: onServer("https://www.news.example/world/2026/story",
			ref("img", "story_files/chart.gif", "https://www.news.example/world/2026/story_files/chart.gif", 10, 3),
		)},
		{name: "links.exclude spares links of the site, by href or site path", env: linkSite,
			config: `{"links":{"exclude":["^/misc/js/script\\.js$", "not\\w+\\.html"]}}`, page: linking(
				ref("script", "../misc/js/script.js", "/misc/js/script.js", 10, 3),
				ref("a", "notthere.html", "/docs/notthere.html", 11, 3),
				ref("a", "gone.html", "/docs/gone.html", 12, 3),
			), want: []string{`docs/index.html 12:3 error link-broken broken link "gone.html": "/docs/gone.html" does not exist`}},
		{name: "ignored links", env: linkExternal, page: linking(
			with(ref("a", "gone.html", "/docs/gone.html", 10, 3), func(l *page.Link) { l.Ignored = true }),
			with(ref("a", "https://example.com/gone", "https://example.com/gone", 11, 3), func(l *page.Link) { l.Ignored = true }),
		)},
		{name: "a base URL with a path: root-relative links under it are site paths", env: func(e *Env) {
			linkSite(e)
			e.External = map[string]ExternalResult{"https://user.github.io/other/": {Reason: "404 Not Found"}}
		}, config: `{"site":{"baseURL":"https://user.github.io/project/"}}`, page: linking(
			ref("a", "/project/about/", "/project/about/", 10, 3),
			ref("a", "/project/gone.html", "/project/gone.html", 11, 3),
			ref("a", "/other/", "/other/", 12, 3),
			ref("a", "../contact.html", "/contact.html", 13, 3),
		), want: []string{
			`docs/index.html 11:3 error link-broken broken link "/project/gone.html": "/gone.html" does not exist`,
			`docs/index.html 12:3 error link-broken external link "/other/" is broken: 404 Not Found`,
		}},
	})
}

// onServer is a page that lives at url on a server, linking links.
func onServer(url string, links ...*page.Link) *page.Page {
	return &page.Page{Source: "story", URL: url, Format: page.FormatHTML, Links: links}
}
