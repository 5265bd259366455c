package checks

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// ruleCase is one case of a rule test, after ESLint's RuleTester: a page
// model, a config fragment and the exact findings expected, each written
// "line:column severity rule message".
type ruleCase struct {
	name   string
	config string // JSON; "" is {}
	page   *page.Page
	pages  []*page.Page // for site checks
	env    func(*Env)
	want   []string
}

// testNow is the reference date of every test.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func testConfig(t *testing.T, doc string) *schema.Config {
	t.Helper()
	cfg := &schema.Config{}
	if doc != "" {
		if err := json.Unmarshal([]byte(doc), cfg); err != nil {
			t.Fatalf("bad test config %s: %v", doc, err)
		}
	}
	if err := cfg.Compile(); err != nil {
		t.Fatalf("test config does not compile: %v", err)
	}
	return cfg
}

// testEnv is the Env of a case: an engine of its config, and what the case
// says of the site and of external URLs.
func testEnv(t *testing.T, c ruleCase) *Env {
	env := NewEngine(testConfig(t, c.config), testNow).NewEnv(nil)
	if c.env != nil {
		c.env(env)
	}
	return env
}

// runRuleCases runs a page check on each case and compares its findings,
// finalized (severities resolved, off rules dropped, sorted), with want.
func runRuleCases(t *testing.T, check PageCheck, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := testEnv(t, c)
			p := c.page
			if p.Source == "" {
				p.Source = "index.html"
			}
			got := env.engine.rules.Finalize(check.Check(p, env).Findings, map[string]page.Suppressions{p.Source: p.Suppressions})
			assertFindings(t, got, c.want)
		})
	}
}

// runSiteCases is runRuleCases for site checks, on the index the engine
// keeps of the pages.
func runSiteCases(t *testing.T, check SiteCheck, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := testEnv(t, c)
			suppressions := map[string]page.Suppressions{}
			var index []*SitePage
			for _, p := range c.pages {
				suppressions[p.Source] = p.Suppressions
				index = append(index, env.engine.Index(p))
			}
			got := env.engine.rules.Finalize(check.CheckSite(index, env), suppressions)
			assertFindings(t, got, c.want)
		})
	}
}

func assertFindings(t *testing.T, got []finding.Finding, want []string) {
	t.Helper()
	lines := make([]string, len(got))
	for i, f := range got {
		lines[i] = formatFinding(f)
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n got: %s\nwant: %s", strings.Join(lines, "\n      "), strings.Join(want, "\n      "))
	}
}

func formatFinding(f finding.Finding) string {
	s := fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	if f.Source != "index.html" {
		s = f.Source + " " + s
	}
	return s
}

// fakeSite is a site on no disk: the files it has and the anchors of its
// pages, resolved the way static servers resolve paths.
type fakeSite struct {
	files   []string
	anchors map[string][]string
}

func (s fakeSite) Resolve(p string) (string, bool) {
	candidates := []string{p}
	if strings.HasSuffix(p, "/") {
		candidates = []string{p + "index.html"}
	} else if !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
		candidates = append(candidates, p+".html", p+"/index.html")
	}
	for _, c := range candidates {
		for _, f := range s.files {
			if f == c {
				return c, true
			}
		}
	}
	return "", false
}

func (s fakeSite) Anchors(resolved string) (map[string]bool, bool) {
	list, ok := s.anchors[resolved]
	if !ok {
		return nil, false
	}
	m := map[string]bool{}
	for _, a := range list {
		m[a] = true
	}
	return m, true
}

// Page model builders: the extractors are written elsewhere, so tests
// build models directly.

// lnk is a link entry at line:col whose href is already a site path or URL.
func lnk(label, href string, line, col int, children ...*page.Entry) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Href: href, Target: href, Pos: page.Pos{Line: line, Column: col}, Rare: &page.Rare{Children: children}}, Kind: page.KindLink, HasHref: true}
}

// nohref is an a element without an href.
func nohref(label string, line, col int) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Pos: page.Pos{Line: line, Column: col}}, Kind: page.KindLink}
}

// toggle is a submenu button.
func toggle(label string, line, col int, children ...*page.Entry) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Pos: page.Pos{Line: line, Column: col}, Rare: &page.Rare{Children: children}}, Kind: page.KindToggle}
}

// txt is an entry of a rendered-text snapshot: no element, no known href.
func txt(label string, line, col int, children ...*page.Entry) *page.Entry {
	return &page.Entry{Link: page.Link{Label: label, Pos: page.Pos{Line: line, Column: col}, Rare: &page.Rare{Children: children}}, Kind: page.KindText}
}

// control marks an entry as a control that is no entry (page.ControlToggle …).
func control(kind page.Control, e *page.Entry) *page.Entry {
	e.Control = kind
	return e
}

// copied marks an entry a copy of one shown before it.
func copied(e *page.Entry) *page.Entry {
	e.Copy = true
	return e
}

func grouped(group string, entries ...*page.Entry) []*page.Entry {
	for _, e := range entries {
		e.Group = group
	}
	return entries
}

func menu(name string, line int, entries ...*page.Entry) *page.Menu {
	return &page.Menu{Name: name, Region: page.RegionHeader, Entries: entries, Pos: page.Pos{Line: line, Column: 1}}
}

func footer(line int, items ...*page.Entry) *page.Region {
	for _, e := range items {
		e.Region = page.RegionFooter
	}
	return &page.Region{Items: items, Pos: page.Pos{Line: line, Column: 1}}
}

// withMenus is a page of content with menus (a page has a title: one
// without a title, landmark or link is no page, see KindOf).
func withMenus(menus ...*page.Menu) *page.Page {
	return &page.Page{Source: "index.html", URL: "/index.html", Format: page.FormatHTML, Title: "A page", Menus: menus}
}

func withFooter(f *page.Region) *page.Page {
	return &page.Page{Source: "index.html", URL: "/index.html", Format: page.FormatHTML, Title: "A page", Footer: f}
}

// redirectStub is a page that a meta refresh sends to target, with nothing
// of its own but a canonical link.
func redirectStub(source, target string) *page.Page {
	return &page.Page{Source: source, URL: "/" + source, Format: page.FormatHTML, Redirect: target,
		Links: []*page.Link{{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "canonical"}, Href: target, Target: target, Pos: page.Pos{Line: 3, Column: 5}}}}
}

// tokenFile is a search engine's verification file: no element at all.
func tokenFile(source string) *page.Page {
	return &page.Page{Source: source, URL: "/" + source, Format: page.FormatHTML, Words: 2}
}

// scripted adds a script the page loads.
func scripted(p *page.Page) *page.Page {
	p.Links = append(p.Links, &page.Link{Tag: page.TagScript, Attr: page.AttrSrc, Href: "/app.js", Target: "/app.js", Pos: page.Pos{Line: 4, Column: 1}})
	return p
}
