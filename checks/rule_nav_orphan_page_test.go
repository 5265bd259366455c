package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestNavOrphanPage(t *testing.T) {
	on := `{"rules":{"nav-orphan-page":"info"}}`
	site := func(e *Env) {
		e.Site = fakeSite{files: []string{"/index.html", "/about/index.html", "/team.html", "/old.html", "/lost.html"}}
	}
	pages := func() []*page.Page {
		home := &page.Page{Source: "index.html", URL: "/index.html", Home: true,
			Links: []*page.Link{ref("a", "about/", "/about/", 10, 3), ref("a", "#top", "/index.html#top", 11, 3)}}
		about := &page.Page{Source: "about/index.html", URL: "/about/index.html",
			Links: []*page.Link{ref("a", "../team", "/team", 10, 3), ref("a", "/about/", "/about/", 11, 3)}}
		team := &page.Page{Source: "team.html", URL: "/team.html", Links: []*page.Link{ref("a", "/", "/", 10, 3)}}
		old := &page.Page{Source: "old.html", URL: "/old.html", Redirect: "/lost.html"}
		lost := &page.Page{Source: "lost.html", URL: "/lost.html", Links: []*page.Link{ref("a", "lost.html", "/lost.html", 10, 3)}}
		return []*page.Page{home, about, team, old, lost}
	}
	runSiteCases(t, navOrphanPage{}, []ruleCase{
		{name: "off by default", env: site, pages: pages()},
		{name: "orphans: a page linked only by itself; the home page never", config: on, env: site, pages: pages(), want: []string{
			`old.html 0:0 info nav-orphan-page page "/old.html" is not linked from any other page of the site`,
		}},
		{name: "without a site, directory links name index pages", config: on, pages: pages()[:3]},
		{name: "a single page is no orphan", config: on, env: site, pages: pages()[2:3]},
	})
}
