package checks

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestKindOf(t *testing.T) {
	canonical := func(href string) *page.Link {
		return &page.Link{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "canonical"}, Href: href, Target: href}
	}
	anchor := func(href string) *page.Link {
		return &page.Link{Tag: page.TagA, Attr: page.AttrHref, Href: href, Target: href, Label: "Click here"}
	}
	shell := func(words int, links ...*page.Link) *page.Page {
		return &page.Page{Source: "old.html", URL: "/guides/old.html", Format: page.FormatHTML, Title: "Redirecting…", Words: words, Links: links}
	}
	refresh := func(p *page.Page, to string) *page.Page { p.Redirect = to; return p }
	chrome := func(p *page.Page) *page.Page {
		p.Menus = []*page.Menu{menu("Guides", 5, lnk("Start", "/guides/start.html", 6, 3))}
		p.Footer = footer(20, lnk("Privacy", "/privacy.html", 21, 3))
		return p
	}
	for _, c := range []struct {
		name string
		p    *page.Page
		want PageKind
	}{
		{"a refresh with nothing of its own", refresh(shell(0), "/guides/start.html"), RedirectStub},
		{"a refresh saying Redirecting…, with a link to its target", refresh(shell(1, anchor("/guides/start.html")), "/guides/start.html"), RedirectStub},
		{"a refresh on a page with the site's menu and footer", chrome(refresh(shell(40), "/guides/start.html")), ContentPage},
		{"a refresh with many links", refresh(shell(0, anchor("/a"), anchor("/b"), anchor("/c"), anchor("/d")), "/guides/start.html"), ContentPage},
		{"a refresh that reloads the page itself is no redirect", refresh(shell(0), "old.html"), ContentPage},
		{"a canonical-only shell", shell(0, canonical("/guides/new.html")), RedirectStub},
		{"a canonical-only shell, absolute URL", shell(0, canonical("https://docs.example.com/guides/new.html")), RedirectStub},
		{"a canonical link to itself", shell(0, canonical("https://docs.example.com/guides/old.html")), ContentPage},
		{"a canonical shell with an article's text", shell(400, canonical("/guides/new.html")), ContentPage},
		{"a verification token", tokenFile("google0123456789abcdef.html"), NotAPage},
		{"an empty page with a title", &page.Page{URL: "/soon.html", Format: page.FormatHTML, Title: "Coming soon"}, ContentPage},
		{"a page with a footer and no title", &page.Page{URL: "/x.html", Format: page.FormatHTML, Footer: footer(3)}, ContentPage},
		{"a text snapshot", &page.Page{URL: "/x.txt", Format: page.FormatText}, ContentPage},
		{"no page", nil, NotAPage},
	} {
		if got := KindOf(c.p); got != c.want {
			t.Errorf("%s: KindOf = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestBuiltByScript(t *testing.T) {
	empty := func(name string, region page.Landmark) *page.Menu {
		return &page.Menu{Name: name, Region: region, Pos: page.Pos{Line: 7, Column: 11}}
	}
	for _, c := range []struct {
		name                 string
		p                    *page.Page
		menus, footer, shell bool
	}{
		{name: "menu and footer empty, scripts", p: scripted(&page.Page{Format: page.FormatHTML, Title: "Shop",
			Menus: []*page.Menu{empty("Main", page.RegionHeader)}, Footer: footer(12)}), menus: true, footer: true},
		{name: "no scripts: an empty menu is the page's own", p: &page.Page{Format: page.FormatHTML, Title: "Shop",
			Menus: []*page.Menu{empty("Main", page.RegionHeader)}, Footer: footer(12)}},
		{name: "one empty menu among full ones", p: scripted(withMenus(menu("Main", 5, lnk("Home", "/", 6, 3)), empty("", page.RegionMain)))},
		{name: "an empty footer menu does not make the navigation", p: scripted(withMenus(menu("Main", 5, lnk("Home", "/", 6, 3)), empty("", page.RegionFooter)))},
		{name: "a shell", p: scripted(&page.Page{Format: page.FormatHTML, Title: "Planner"}), shell: true},
		{name: "a shell with an article is no shell", p: scripted(&page.Page{Format: page.FormatHTML, Title: "Planner", Words: 300})},
		{name: "a rendered DOM has what scripts add", p: scripted(&page.Page{Format: page.FormatDOM, Title: "Shop",
			Menus: []*page.Menu{empty("Main", page.RegionHeader)}})},
	} {
		b := BuiltByScript(c.p)
		if b.Menus != c.menus || b.Footer != c.footer || b.Whole != c.shell {
			t.Errorf("%s: BuiltByScript = menus %v, footer %v, shell %v; want %v, %v, %v", c.name, b.Menus, b.Footer, b.Whole, c.menus, c.footer, c.shell)
		}
	}
}

func TestMenuRef(t *testing.T) {
	header1 := &page.Menu{Region: page.RegionHeader}
	header2 := &page.Menu{Region: page.RegionHeader}
	named := &page.Menu{Name: "Primary", Region: page.RegionHeader}
	main1 := &page.Menu{Region: page.RegionMain}
	foot := &page.Menu{Region: page.RegionFooter}
	loose := &page.Menu{}
	p := &page.Page{Menus: []*page.Menu{header1, named, header2, main1, foot, nil, loose}}
	for _, c := range []struct {
		m                *page.Menu
		the, bare, plain string
	}{
		{named, `menu "Primary"`, `menu "Primary"`, "Primary"},
		{header1, "the first header menu", "header menu 1", "header menu 1"},
		{header2, "the third header menu", "header menu 3", "header menu 3"},
		{main1, "the menu in the main content", "menu in the main content", "menu in the main content"},
		{foot, "the footer menu", "footer menu", "footer menu"},
		{loose, "the menu", "menu", "menu"},
	} {
		r := refOf(p, c.m)
		if r.the() != c.the || r.bare() != c.bare || r.plain() != c.plain {
			t.Errorf("refOf = %q, %q, %q; want %q, %q, %q", r.the(), r.bare(), r.plain(), c.the, c.bare, c.plain)
		}
	}
	for n, want := range map[int]string{1: "first", 10: "tenth", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestIsNavEntry(t *testing.T) {
	for _, c := range []struct {
		name string
		e    *page.Entry
		want bool
	}{
		{"a link", lnk("Docs", "/docs/", 1, 1), true},
		{"a dead link is still an entry", lnk("Home", "#", 1, 1), true},
		{"a text snapshot's entry", txt("Docs", 1, 1), true},
		{"a toggle that opens entries", toggle("Products", 1, 1, lnk("Cloud", "/cloud/", 2, 1)), true},
		{"a toggle alone is a control", toggle("Menu", 1, 1), false},
		{"a button alone is a control", button("Close", 1, 1), false},
		{"a hidden entry", hidden(lnk("Docs", "/docs/", 1, 1)), false},
		{"a place on the page", lnk("Install", "#install", 1, 1), false},
		{"no name", lnk("", "/x/", 1, 1), false},
		{"nothing", nil, false},
	} {
		if got := IsNavEntry(c.e); got != c.want {
			t.Errorf("%s: IsNavEntry = %v, want %v", c.name, got, c.want)
		}
	}
}
