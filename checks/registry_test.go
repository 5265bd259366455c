package checks

import (
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// designRules are the rule ids DESIGN.md promises, with their defaults.
var designRules = map[string]Severity{
	"nav-required": Error, "nav-dead-link": Error, "nav-inconsistent": Warning, "nav-orphan-page": Info,
	"menu-duplicate": Error, "footer-required": Error, "footer-copyright": Warning, "link-broken": Error,
	"link-fragment": Error, "link-no-text": Warning, "link-redirect": Info, "assert/<id>": Error,
}

func TestRules(t *testing.T) {
	rules := Rules()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
		if r.Description == "" || strings.Contains(r.Description, "\n") {
			t.Errorf("rule %s: description must be one line: %q", r.ID, r.Description)
		}
		if want, ok := designRules[r.ID]; !ok {
			t.Errorf("rule %s is not in DESIGN", r.ID)
		} else if r.Severity != want {
			t.Errorf("rule %s: default %s, want %s", r.ID, r.Severity, want)
		}
	}
	for id := range designRules {
		if !slices.Contains(ids, id) {
			t.Errorf("rule %s of DESIGN is missing from Rules()", id)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("Rules() not sorted: %v", ids)
	}
	for _, r := range rules {
		off := r.ID == "nav-orphan-page" || r.ID == "link-redirect"
		if r.Off != off {
			t.Errorf("rule %s: Off = %v, want %v", r.ID, r.Off, off)
		}
	}
}

func TestRulesFor(t *testing.T) {
	cfg := testConfig(t, `{"rules":{"link-no-text":"off","menu-duplicate":"warning","link-redirect":"info"},
		"assertions":[{"id":"has-title","severity":"warning","schema":{"required":["title"]}}]}`)
	got := map[string]Severity{}
	for _, r := range RulesFor(cfg) {
		got[r.ID] = r.Severity
	}
	want := map[string]Severity{"link-no-text": Off, "menu-duplicate": Warning, "link-redirect": Info,
		"nav-orphan-page": Off, "nav-required": Error, "assert/has-title": Warning}
	for id, sev := range want {
		if got[id] != sev {
			t.Errorf("RulesFor: %s = %s, want %s", id, got[id], sev)
		}
	}
	if _, ok := got["assert/<id>"]; ok {
		t.Error("RulesFor lists the placeholder assert/<id>")
	}
}

func TestFinalize(t *testing.T) {
	p := &page.Page{Source: "b.html", Suppressions: []page.Suppression{
		{Rules: []string{"link-broken"}, From: 20, To: 20},
		{From: 30, To: 35},
	}}
	findings := []Finding{
		{Rule: "link-no-text", Source: "b.html", Line: 12, Column: 3, Message: "m"},
		{Rule: "link-broken", Source: "b.html", Line: 20, Column: 3, Message: "suppressed by next-line"},
		{Rule: "link-fragment", Source: "b.html", Line: 20, Column: 3, Message: "kept: another rule"},
		{Rule: "nav-required", Source: "b.html", Line: 31, Column: 1, Message: "suppressed by region"},
		{Rule: "menu-duplicate", Source: "b.html", Line: 12, Column: 3, Message: "b"},
		{Rule: "menu-duplicate", Source: "b.html", Line: 12, Column: 3, Message: "a", Severity: Warning},
		{Rule: "footer-required", Source: "a.html", Line: 40, Message: "item severity kept", Severity: Info},
		{Rule: "nav-required", Source: "a.html", Line: 2, Column: 9, Message: "rules sets it"},
		{Rule: "link-redirect", Source: "a.html", Line: 1, Message: "off by default"},
		{Rule: "nav-orphan-page", Source: "a.html", Message: "off by default"},
		{Rule: "link-no-text", Source: "a.html", Line: 1, Message: "switched off"},
		{Rule: "footer-copyright", Source: "a.html", Message: "no line"},
		{Rule: "page-unreadable", Source: "c.html", Message: "a rule of the caller's"},
		{Rule: "page-unreadable", Source: "c.html", Line: 1, Message: "with its own severity", Severity: Warning},
	}
	cfg := testConfig(t, `{"rules":{"nav-required":"warning","menu-duplicate":"info","link-no-text":"off"}}`)
	// The rule set to off drops the findings of a.html and b.html alike.
	got := Finalize(findings, map[string]*page.Page{"b.html": p}, cfg)
	var lines []string
	for _, f := range got {
		lines = append(lines, formatFinding(f))
	}
	want := []string{
		"a.html 0:0 warning footer-copyright no line",
		"a.html 2:9 warning nav-required rules sets it",
		"a.html 40:0 info footer-required item severity kept",
		"b.html 12:3 warning menu-duplicate a",
		"b.html 12:3 info menu-duplicate b",
		"b.html 20:3 error link-fragment kept: another rule",
		"c.html 0:0 error page-unreadable a rule of the caller's",
		"c.html 1:0 warning page-unreadable with its own severity",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Finalize:\n got %s\nwant %s", strings.Join(lines, "\n     "), strings.Join(want, "\n     "))
	}
}

// TestRunSeed runs every check on a hand-built model of the seed page
// (../shared/seed/about-microsoft.rendered.txt) and expects exactly its real
// defects.
func TestRunSeed(t *testing.T) {
	about := menu("About", 13, txt("Home", 13, 5), txt("Our commitments", 14, 5),
		txt("AI & Innovation", 15, 5, txt("Microsoft AI", 16, 7), txt("Microsoft Cloud", 18, 7)))
	all := menu("All Microsoft", 45, txt("All Microsoft", 45, 5, allMicrosoft()...))
	var body []*page.Link
	for i := range 4 {
		body = append(body, &page.Link{Tag: "a", Attr: "href", Region: page.RegionMain, Pos: page.Pos{Line: 250, Column: 5 + 4*i}})
	}
	ypc := func(line, col int) *page.Entry {
		e := txt("Your Privacy Choices Opt-Out Icon Your Privacy Choices", line, col)
		e.Text, e.Icon, e.IconLabel = "Your Privacy Choices", true, "Your Privacy Choices Opt-Out Icon"
		return e
	}
	f := footer(258,
		append(grouped("Company", txt("Privacy at Microsoft", 310, 5), txt("Accessibility", 312, 5)),
			ypc(319, 25), ypc(320, 1), txt("Consumer Health Privacy", 320, 56),
			txt("Privacy", 324, 5), txt("Manage cookies", 325, 5), txt("Terms of use", 326, 5), txt("© Microsoft 2025", 333, 5))...)
	f.Copyright = []*page.Copyright{{Text: "© Microsoft 2025", Pos: page.Pos{Line: 333, Column: 5}}}
	seed := &page.Page{Source: "about-microsoft.rendered.txt", URL: "/about-microsoft.rendered.txt", Format: page.FormatText,
		Menus: []*page.Menu{about, all}, Footer: f, Links: body}
	cfg := testConfig(t, `{
		"navigation":{"required":[{"label":"Home"},{"label":"AI & Innovation","children":[{"label":"Microsoft Cloud"}]}]},
		"footer":{"required":[{"id":"privacy","pattern":"^privacy$","exclude":"choices|health"},{"label":"Manage cookies"},
			{"id":"us-opt-out","label":"Do Not Sell or Share My Personal Information","anyOf":[{"label":"Your Privacy Choices","icon":true}]},
			{"label":"Consumer Health Privacy"}],
			"copyright":{"required":true}}}`)
	got := Run([]*page.Page{seed}, &Env{Config: cfg, Now: testNow})
	var lines []string
	for _, f := range got {
		lines = append(lines, formatFinding(f))
	}
	want := []string{
		`about-microsoft.rendered.txt 88:9 warning menu-duplicate menu entry "Small Business" appears twice in menu "All Microsoft", under "Global" and under "Business"`,
		`about-microsoft.rendered.txt 250:5 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:9 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:13 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 250:17 warning link-no-text link has no accessible name (no text, aria-label, image alt or title)`,
		`about-microsoft.rendered.txt 320:1 error menu-duplicate duplicate footer entry "Your Privacy Choices" in the footer`,
		`about-microsoft.rendered.txt 333:5 warning footer-copyright copyright notice "© Microsoft 2025" is out of date: newest year 2025, expected 2026`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Run on the seed:\n got %s\nwant %s", strings.Join(lines, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestRunNilEnvAndPages(t *testing.T) {
	if got := Run([]*page.Page{nil, {Source: "x.html"}}, nil); len(got) != 0 {
		t.Errorf("findings on an empty page with no config: %v", got)
	}
}

func TestNormalize(t *testing.T) {
	for _, s := range []string{"", " ", "Home", "home", "Small  Business", " Cloud", "Cloud ", "Ärger", "a\tb", "PCs & Devices", "x"} {
		if got, want := normalize(s), page.NormalizeLabel(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// Checks never panic, whatever the model holds: nil menus, entries, links,
// items and notices, empty labels, odd URLs.
func TestRunOddModels(t *testing.T) {
	cfg := testConfig(t, `{"site":{"baseURL":"https://www.contoso.com/docs/"},
		"navigation":{"required":[{"label":"Home","href":"/","children":[{"label":"X"}]}],
			"menus":[{"name":"Primary","selector":"nav","required":[{"label":"A"}]}]},
		"footer":{"required":[{"label":"Privacy","in":["header","footer","page"],"icon":true}],"copyright":{"required":true}},
		"rules":{"nav-orphan-page":"info","link-redirect":"info"},
		"assertions":[{"id":"t","schema":{"required":["title"]}}]}`)
	odd := []*page.Page{
		{},
		{Source: "a", URL: "https://www.contoso.com/docs/a", Menus: []*page.Menu{nil, {Entries: []*page.Entry{nil, {Children: []*page.Entry{nil}}}}},
			Footer: &page.Region{Items: []*page.Entry{nil, {}}, Copyright: []*page.Copyright{nil}}, Header: &page.Region{},
			Links: []*page.Link{nil, {}, {Tag: "a", Target: "%zz"}, {Tag: "a", Href: "//"}, {Tag: "a", Target: "https://www.contoso.com"},
				{Tag: "a", Target: "http://"}, {Tag: "img", Target: "data:image/png;base64,xx"}, {Tag: "a", Target: "?q=1#"}, {Tag: "a", Href: "rel/x", Target: "rel/x"}},
			Controls: []*page.Entry{nil}, Redirect: "::"},
		{Source: "b", URL: "relative.html", Links: []*page.Link{{Tag: "a", Target: "x.html#y"}}},
		nil,
	}
	env := &Env{Config: cfg, Now: testNow, Site: fakeSite{}, External: map[string]ExternalResult{}}
	_ = Run(odd, env)
	_ = Run(odd, &Env{Config: cfg})
}
