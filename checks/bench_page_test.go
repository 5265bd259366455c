package checks

import (
	"fmt"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// The benchmarks of this file check models shaped as the HTML reader
// builds them for the pages internal/sitegen writes: selectors on every
// entry and link, menu entries grouped under the menu's name, labels in
// mixed case, a header with a logo link, a footer of five columns with
// privacy and terms links and a copyright notice, body links with
// fragments to other pages, images, a stylesheet and a script.

var (
	benchSections = []string{"Products", "Solutions", "Industries", "Resources", "Partners", "Support", "Company", "Contact us"}
	benchColumns  = []string{"About us", "Careers", "Newsroom", "Developers", "Community"}
)

func benchPath(section, n int) string { return fmt.Sprintf("/section-%02d/page-%04d.html", section, n) }

// realisticPage is page n of a site of 50 sections of 20 pages each. Its
// strings are its own, as a parsed page's are.
func realisticPage(n int) *page.Page {
	p := &page.Page{Source: fmt.Sprintf("section-%02d/page-%04d.html", n/20, n), URL: benchPath(n/20, n),
		Format: page.FormatHTML, Title: fmt.Sprintf("Page %d", n), Lang: "en"}
	for i := 1; i <= 10; i++ {
		p.Anchors = append(p.Anchors, fmt.Sprintf("sec-%d", i))
	}
	link := func(tag page.Tag, attr page.Attr, href, label string, region page.Landmark, sel string, line, col int) {
		p.Links = append(p.Links, &page.Link{Tag: tag, Attr: attr, Href: href, Target: href, Label: label,
			Region: region, Selector: sel, Pos: page.Pos{Line: line, Column: col}})
	}
	link(page.TagLink, page.AttrHref, "/assets/site.css", "", page.RegionMain, "head > link:nth-child(3)", 6, 1)
	p.Links[0].SetRare(page.Rare{Rel: "stylesheet"})
	link(page.TagScript, page.AttrSrc, "/assets/site.js", "", page.RegionMain, "head > script:nth-child(4)", 7, 1)

	const navSel = "body > header:nth-child(1) > nav:nth-child(2)"
	entry := func(label, href, group string, region page.Landmark, sel string, line, col int) *page.Entry {
		e := &page.Entry{Link: page.Link{Label: label, Href: href, Target: href, Region: region, Selector: sel, Pos: page.Pos{Line: line, Column: col}}, Kind: page.KindLink, HasHref: true, Group: group}
		link(page.TagA, page.AttrHref, href, label, region, sel, line, col)
		return e
	}
	home := entry("Home", "/", "", page.RegionHeader, "body > header:nth-child(1) > a:nth-child(1)", 11, 1)
	home.Icon = true
	home.SetRare(page.Rare{IconLabel: "Home"})
	link(page.TagImg, page.AttrSrc, "/assets/logo.svg", "", page.RegionHeader, "body > header:nth-child(1) > a:nth-child(1) > img:nth-child(1)", 11, 13)
	m := &page.Menu{Name: "Primary", Selector: navSel, Region: page.RegionHeader, Pos: page.Pos{Line: 12, Column: 1}}
	line := 14
	for i, name := range benchSections {
		sel := fmt.Sprintf("%s > ul:nth-child(1) > li:nth-child(%d)", navSel, i+1)
		parent := entry(name, fmt.Sprintf("/section-%02d/", i), "Primary", page.RegionHeader, sel+" > a:nth-child(1)", line, 5)
		for j := range 4 {
			line++
			parent.SetChildren(append(parent.Children(), entry(fmt.Sprintf("%s overview %d", name, j+1), benchPath(i, i*20+j),
				"Primary", page.RegionHeader, fmt.Sprintf("%s > ul:nth-child(2) > li:nth-child(%d) > a:nth-child(1)", sel, j+1), line, 9)))
		}
		m.Entries = append(m.Entries, parent)
		line += 2
	}
	p.Menus = []*page.Menu{m}
	p.Header = &page.Region{Selector: "body > header:nth-child(1)", Items: append([]*page.Entry{home}, m.Entries...), Pos: page.Pos{Line: 10, Column: 1}}

	line = 90
	for s := range 10 {
		for k := range 3 {
			target := (n*7 + s*31 + k*13) % 1000
			link(page.TagA, page.AttrHref, fmt.Sprintf("%s#sec-%d", benchPath(target/20, target), (s+k)%10+1), fmt.Sprintf("Related page %d", target),
				page.RegionMain, fmt.Sprintf("main#main > p:nth-child(%d) > a:nth-child(%d)", 2*s+3, k+1), line+s, 128+k*189)
		}
	}
	link(page.TagImg, page.AttrSrc, fmt.Sprintf("/assets/figure-%d.svg", n%10), "", page.RegionMain, "main#main > p:nth-child(23) > img:nth-child(1)", 101, 4)

	footer := &page.Region{Selector: "body > footer:nth-child(3)", Pos: page.Pos{Line: 105, Column: 1}}
	line = 108
	for c, group := range benchColumns {
		for k := range 5 {
			sel := fmt.Sprintf("body > footer:nth-child(3) > div:nth-child(%d) > ul:nth-child(2) > li:nth-child(%d) > a:nth-child(1)", c+1, k+1)
			footer.Items = append(footer.Items, entry(fmt.Sprintf("%s link %d", group, k+1), benchPath(40+c, 800+c*20+k), group, page.RegionFooter, sel, line, 5))
			line++
		}
		line += 3
	}
	footer.Items = append(footer.Items,
		entry("Privacy statement", "/privacy/", "", page.RegionFooter, "body > footer:nth-child(3) > p:nth-child(6) > a:nth-child(1)", 130, 4),
		entry("Terms of use", "/terms/", "", page.RegionFooter, "body > footer:nth-child(3) > p:nth-child(6) > a:nth-child(2)", 130, 40))
	footer.Copyright = []*page.Copyright{{Text: "© 2010–2026 Example Corp.", Pos: page.Pos{Line: 131, Column: 1}}}
	p.Footer = footer
	for _, es := range [][]*page.Entry{p.Header.Items[:1], m.Entries, footer.Items} {
		walkEntries(es, nil, func(e, _ *page.Entry) { p.Controls = append(p.Controls, e) })
	}
	return p
}

// realisticSite answers as a run's site does, from memory: every page of
// the 50 sections with its anchors, the section indexes and the assets.
type realisticSite map[string]map[string]bool

func newRealisticSite() realisticSite {
	s := realisticSite{}
	for n := range 1000 {
		a := map[string]bool{}
		for i := 1; i <= 10; i++ {
			a[fmt.Sprintf("sec-%d", i)] = true
		}
		s[benchPath(n/20, n)] = a
	}
	for i := range 50 {
		s[fmt.Sprintf("/section-%02d/index.html", i)] = map[string]bool{}
	}
	for _, f := range []string{"/index.html", "/privacy/index.html", "/terms/index.html"} {
		s[f] = map[string]bool{}
	}
	for _, f := range []string{"/assets/site.css", "/assets/site.js", "/assets/logo.svg"} {
		s[f] = nil
	}
	for i := range 10 {
		s[fmt.Sprintf("/assets/figure-%d.svg", i)] = nil
	}
	return s
}

// benchIndexes spells directory paths as index pages: a run's site answers
// from a cache, without allocating, and so does realisticSite.
var benchIndexes = func() map[string]string {
	m := map[string]string{"/": "/index.html", "/privacy/": "/privacy/index.html", "/terms/": "/terms/index.html"}
	for i := range 50 {
		m[fmt.Sprintf("/section-%02d/", i)] = fmt.Sprintf("/section-%02d/index.html", i)
	}
	return m
}()

func (s realisticSite) Resolve(p string) (string, bool) {
	if r, ok := benchIndexes[p]; ok {
		p = r
	}
	_, ok := s[p]
	return p, ok
}

func (s realisticSite) Anchors(resolved string) (map[string]bool, bool) {
	a, ok := s[resolved]
	return a, ok && a != nil
}

func realisticBench(b *testing.B) ([]*page.Page, *Env) {
	cfg, err := schema.Default(nil)
	if err != nil {
		b.Fatal(err)
	}
	pages := make([]*page.Page, 64)
	for i := range pages {
		pages[i] = realisticPage(i * 15)
	}
	return pages, NewEngine(cfg, testNow).NewEnv(newRealisticSite())
}

// BenchmarkCheckPageRealistic checks realistic pages, with the links that
// need other pages' anchors left pending as a run leaves them while reading
// ("pending"), and judged at once ("alone").
func BenchmarkCheckPageRealistic(b *testing.B) {
	b.Run("pending", func(b *testing.B) {
		pages, env := realisticBench(b)
		env.Reading = true
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if f := env.CheckPage(pages[i%len(pages)]).Findings; len(f) != 0 {
				b.Fatalf("unexpected findings: %v", f)
			}
		}
	})
	b.Run("alone", func(b *testing.B) {
		pages, env := realisticBench(b)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if f := env.CheckPage(pages[i%len(pages)]).Findings; len(f) != 0 {
				b.Fatalf("unexpected findings: %v", f)
			}
		}
	})
}

// BenchmarkJudgeLinks judges the links of realistic pages that CheckPage
// left pending.
func BenchmarkJudgeLinks(b *testing.B) {
	pages, env := realisticBench(b)
	env.Reading = true
	pending := make([]*page.Page, len(pages))
	for i, p := range pages {
		pending[i] = &page.Page{Source: p.Source, URL: p.URL, Format: p.Format, Links: env.CheckPage(p).Pending}
	}
	env.Reading = false
	if len(pending[1].Links) != 30 {
		b.Fatalf("%d links pending, want the 30 with fragments", len(pending[1].Links))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if f := env.JudgeLinks(pending[i%len(pending)]); len(f) != 0 {
			b.Fatalf("unexpected findings: %v", f)
		}
	}
}
