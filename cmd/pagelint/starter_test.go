package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// A site's pages as init reads them: hand-built models (the fixtures
// init-starter and init-site run the whole command on pages).

func link(label, href string) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Href: href, Target: href}, Kind: page.KindLink, HasHref: true}
}

type sitePage struct {
	name     string
	menus    []*page.Menu
	footer   []*page.Entry
	notices  []string
	redirect string
}

func (sp sitePage) model() *page.Page {
	p := &page.Page{Source: sp.name, URL: "/" + sp.name, Format: page.FormatHTML, Title: sp.name, Menus: sp.menus, Redirect: sp.redirect}
	if sp.redirect != "" {
		p.Title, p.Menus = "", nil
		return p
	}
	p.Footer = &page.Region{Items: sp.footer}
	for _, n := range sp.notices {
		p.Footer.Copyright = append(p.Footer.Copyright, &page.Copyright{Text: n})
	}
	return p
}

// docsMenu is the site's menu "Menu", with its hidden toggle.
func docsMenu(extra ...*page.Entry) *page.Menu {
	toggle := &page.Entry{Link: page.Link{Label: "Menu", Hidden: true}, Kind: page.KindButton}
	entries := append([]*page.Entry{toggle, link("Get started", "/start.html"), link("Manual", "/manual.html")}, extra...)
	return &page.Menu{Name: "Menu", Region: page.RegionHeader, Entries: entries}
}

// toc is a page's own table of contents.
func toc(headings ...string) *page.Menu {
	m := &page.Menu{Name: "Table of contents", Region: page.RegionMain}
	for _, h := range headings {
		m.Entries = append(m.Entries, link(h, "#"+strings.ToLower(h)))
	}
	return m
}

func snapshotOf(t *testing.T, pages []sitePage, now time.Time) (string, []string) {
	t.Helper()
	withPresets, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	var models []*page.Page
	for _, sp := range pages {
		models = append(models, sp.model())
	}
	st := snapshotSite(models, nil, withPresets, now)
	b, err := json.Marshal(st.cfg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), st.notes
}

func TestSnapshotSite(t *testing.T) {
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	govFooter := []*page.Entry{link("Accessibility", "/accessibility.html"), link("Open Government Licence v3.0", "https://example.gov.uk/ogl"),
		link("© Crown copyright", "https://example.gov.uk/crown-copyright")}
	site := func(n int, edit func(i int, sp *sitePage)) []sitePage {
		var pages []sitePage
		for i := range n {
			sp := sitePage{name: fmt.Sprintf("p%d.html", i), menus: []*page.Menu{docsMenu(), toc(fmt.Sprintf("Part %d", i), "Owners")},
				footer: govFooter, notices: []string{"© Crown copyright"}}
			if edit != nil {
				edit(i, &sp)
			}
			pages = append(pages, sp)
		}
		return pages
	}
	for _, c := range []struct {
		name  string
		pages []sitePage
		want  []string // pieces of the config's JSON, in order
		notes []string
	}{
		{name: "what most pages share; not the toggle, the tables of contents, the notice link or the stubs",
			pages: append(site(9, func(i int, sp *sitePage) {
				if i == 8 { // the outlier
					sp.menus, sp.footer = nil, govFooter[1:]
				}
			}), sitePage{name: "old.html", redirect: "/p0.html"}),
			want: []string{`"description":"Written by pagelint init from what most of the 9 pages of the site share (1 redirect stub left out)."`,
				`"navigation":{"menus":[{"name":"Menu","required":[{"label":"Get started"},{"label":"Manual"}]}]}`,
				`"footer":{"required":[{"label":"Accessibility"},{"label":"Open Government Licence v3.0"},` +
					`{"id":"privacy","enabled":false,"description":"Off: no page of the site had it when pagelint init wrote this config. Remove this item to require it."}],` +
					`"copyright":{"required":true,"yearOptional":true}}`},
			notes: []string{`off: "privacy" of the recommended preset (no page of the site has it)`}},
		{name: "unnamed menus: any menu will do; children most pages share",
			pages: site(5, func(i int, sp *sitePage) {
				products := &page.Entry{Link: page.Link{Label: "Products", Rare: &page.Rare{Children: []*page.Entry{link("Cloud", "/cloud.html"), link(fmt.Sprintf("Offer %d", i), "/o.html")}}}, Kind: page.KindToggle}
				sp.menus = []*page.Menu{{Region: page.RegionHeader, Entries: []*page.Entry{link("Home", "/"), products}}}
				sp.footer = []*page.Entry{link("Privacy", "/privacy.html")}
				sp.notices = []string{"© 2026 Contoso"}
			}),
			want: []string{`"navigation":{"required":[{"label":"Home"},{"label":"Products","children":[{"label":"Cloud"}]}]}`,
				`"footer":{"copyright":{"required":true,"yearOptional":false}}`}},
		{name: "notices a year old: said, not hidden",
			pages: site(3, func(_ int, sp *sitePage) { sp.notices = []string{"© 2025 Contoso"} }),
			want:  []string{`"copyright":{"required":true,"yearOptional":false}`},
			notes: []string{`the copyright notices' newest year is 2025: check reports them out of date until they say 2026 (or set footer.copyright.maxAgeYears)`,
				`off: "privacy" of the recommended preset (no page of the site has it)`}},
		{name: "no notice anywhere: the recommended one is off",
			pages: site(3, func(_ int, sp *sitePage) { sp.notices = nil; sp.footer = govFooter[:2] }),
			want:  []string{`"copyright":{"required":false,"yearOptional":false}`},
			notes: []string{`off: the copyright notice of the recommended preset (no page of the site has one)`,
				`off: "privacy" of the recommended preset (no page of the site has it)`}},
		{name: "notices on a few pages only",
			pages: site(5, func(i int, sp *sitePage) {
				if i > 0 {
					sp.notices = nil
				}
			}),
			want:  []string{`"copyright":{"required":false,"yearOptional":true}`},
			notes: []string{`the copyright notice is not required: it is on 1 of 5 pages`, `off: "privacy" of the recommended preset (no page of the site has it)`}},
		{name: "nothing but stubs", pages: []sitePage{{name: "a.html", redirect: "/b.html"}},
			want:  []string{`"description":"Written by pagelint init: the site has no page with content of its own (1 redirect stub left out)."`},
			notes: []string{"no page with content of its own: nothing to snapshot"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, notes := snapshotOf(t, c.pages, now)
			rest := got
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("config %s\nlacks (in order) %s", got, w)
				}
				rest = rest[i+len(w):]
			}
			if strings.Join(notes, "\n") != strings.Join(c.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(c.notes, "\n"))
			}
		})
	}
}
