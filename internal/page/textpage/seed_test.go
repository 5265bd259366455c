package textpage

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

const seedPath = "../../../fixtures/seed-rendered-text/about-microsoft.rendered.txt"

func parseSeed(t *testing.T) *page.Page {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data, Options{Source: "about-microsoft.rendered.txt", URL: "https://www.microsoft.com/en-us/about"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p
}

// TestSeedOutline pins the whole model of the reference page.
func TestSeedOutline(t *testing.T) {
	matchGolden(t, "testdata/about-microsoft.seed.outline", outline(parseSeed(t)))
}

// TestSeedModel asserts the structure the checks rely on, in words.
func TestSeedModel(t *testing.T) {
	p := parseSeed(t)
	if p.Format != page.FormatText || p.Title != "We empower the world" {
		t.Errorf("format %q, title %q", p.Format, p.Title)
	}
	if len(p.Menus) != 2 || p.Menus[0].Name != "About" || p.Menus[1].Name != "All Microsoft" {
		t.Fatalf("menus = %v, want About and All Microsoft", menuNames(p))
	}
	about, all := p.Menus[0], p.Menus[1]
	if got := labels(about.Entries); !reflect.DeepEqual(got, []string{"Home", "Our commitments", "AI & Innovation", "Culture", "Careers", "News & Stories", "Facts & Information", "More"}) {
		t.Errorf("About menu = %q", got)
	}
	if got := labels(about.Entries[2].Children()); len(got) != 5 || got[2] != "Microsoft Cloud" {
		t.Errorf("AI & Innovation children = %q", got)
	}
	if about.Line != 13 || about.Column != 5 || all.Line != 45 || all.Column != 5 {
		t.Errorf("menu positions %d:%d and %d:%d", about.Line, about.Column, all.Line, all.Column)
	}
	// The mega-menu: Global's items grouped (the heading is no entry), the
	// doubled toggle texts read once, "View Sitemap" its last entry.
	wantTop := []string{"Microsoft 365", "Teams", "Copilot", "Windows", "Surface", "Xbox", "Deals", "Small Business", "Support",
		"Software", "PCs & Devices", "Entertainment", "Business", "Developer & IT", "Other", "View Sitemap"}
	if len(all.Entries) != 1 || all.Entries[0].Label != "All Microsoft" || all.Entries[0].Kind != page.KindToggle {
		t.Fatalf("All Microsoft menu = %q, want its opener alone at the top", labels(all.Entries))
	}
	mega := all.Entries[0].Children()
	if got := labels(mega); !reflect.DeepEqual(got, wantTop) {
		t.Errorf("All Microsoft entries = %q", got)
	}
	for _, e := range mega[:9] {
		if e.Group != "Global" || e.Kind != page.KindText || e.Region != page.RegionHeader {
			t.Errorf("%q: group %q kind %q region %q", e.Label, e.Group, e.Kind, e.Region)
		}
	}
	business := mega[12]
	if business.Kind != page.KindToggle || len(business.Children()) != 8 || business.Line != 79 || business.Column != 7 {
		t.Errorf("Business toggle = %+v", business)
	}
	if sb := business.Children()[7]; sb.Label != "Small Business" || sb.Group != "Business" || sb.Line != 87 || sb.Column != 9 {
		t.Errorf("Business's Small Business = %+v", sb)
	}

	// Exactly one duplicate in one menu: "Small Business" (Global and
	// Business) of All Microsoft. "Microsoft Cloud" is in both menus, which
	// is no duplicate.
	var dups []string
	for _, m := range p.Menus {
		for _, d := range duplicates(walk(m.Entries)) {
			dups = append(dups, m.Name+": "+d)
		}
	}
	if want := []string{"All Microsoft: small business (Global 55, Business 87)"}; !reflect.DeepEqual(dups, want) {
		t.Errorf("menu duplicates = %q, want %q", dups, want)
	}

	// The footer: six labelled columns of eight, then the legal bar.
	f := p.Footer
	if f == nil || f.Line != 254 || f.Column != 1 {
		t.Fatalf("footer = %+v, want it to start at 254:1 (\"What's new\")", f)
	}
	groups := map[string]int{}
	for _, it := range f.Items {
		groups[it.Group]++
		if it.Region != page.RegionFooter {
			t.Errorf("footer item %q in region %q", it.Label, it.Region)
		}
	}
	wantGroups := map[string]int{"What's new": 8, "Microsoft Store": 8, "Education": 8, "Business": 8, "Developer & IT": 8, "Company": 8, "": 13}
	if !reflect.DeepEqual(groups, wantGroups) {
		t.Errorf("footer groups = %v, want %v", groups, wantGroups)
	}
	if dups := duplicates(f.Items); !reflect.DeepEqual(dups, []string{"your privacy choices ( 320,  321)"}) {
		t.Errorf("footer duplicates = %q", dups)
	}
	choices := f.Items[48]
	if choices.Label != "Your Privacy Choices Opt-Out Icon Your Privacy Choices" || choices.Text() != "Your Privacy Choices" ||
		!choices.Icon || choices.IconLabel() != "Your Privacy Choices Opt-Out Icon" || choices.Line != 320 || choices.Column != 25 {
		t.Errorf("first Your Privacy Choices = %+v", choices)
	}
	if health := f.Items[50]; health.Label != "Consumer Health Privacy" || health.Line != 321 || health.Column != 56 || health.Icon {
		t.Errorf("Consumer Health Privacy = %+v", health)
	}
	if len(f.Copyright) != 1 || f.Copyright[0].Text != "© Microsoft 2025" || f.Copyright[0].Line != 332 || f.Copyright[0].Column != 5 {
		t.Errorf("copyright = %v", f.Copyright)
	}
	for _, it := range f.Items {
		if it.Label == "English (United States)" || it.Label == "Explore Microsoft" || it.Group == "Follow Microsoft" {
			t.Errorf("footer item %q (group %q) does not belong to the footer", it.Label, it.Group)
		}
	}

	// Links: every item, the four icon-only links of "Follow Microsoft" on
	// line 252 each with its own column, in the body.
	var empty []string
	for _, l := range p.Links {
		if l.Tag != page.TagA || l.Attr != page.AttrHref || l.Line == 0 || l.Column == 0 {
			t.Errorf("link %+v", l)
		}
		if l.Label == "" {
			empty = append(empty, fmt.Sprintf("%s %d:%d", l.Region, l.Line, l.Column))
		}
	}
	if want := []string{"main 252:3", "main 252:7", "main 252:11", "main 252:15"}; !reflect.DeepEqual(empty, want) {
		t.Errorf("links without text = %q, want %q", empty, want)
	}
	// 27 About entries, the All Microsoft toggle and its 57 entries, 8 in the
	// body, 48+13 in the footer; the 7 toggles are no links.
	if len(p.Controls) != 27+1+57+8+61 || len(p.Links) != len(p.Controls)-7 {
		t.Errorf("%d controls, %d links", len(p.Controls), len(p.Links))
	}
	if p.Header == nil {
		t.Fatal("no header")
	}
	if len(p.Header.Items) != 85 || p.Header.Line != 13 {
		t.Errorf("header has %d items at line %d", len(p.Header.Items), p.Header.Line)
	}
	if len(p.Anchors) != 0 || len(p.Suppressions) != 0 {
		t.Errorf("anchors %v, suppressions %v", p.Anchors, p.Suppressions)
	}
}

func menuNames(p *page.Page) []string {
	var names []string
	for _, m := range p.Menus {
		names = append(names, m.Name)
	}
	return names
}

func labels(entries []*page.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Label
	}
	return out
}

func walk(entries []*page.Entry) []*page.Entry {
	var out []*page.Entry
	for _, e := range entries {
		out = append(out, e)
		out = append(out, walk(e.Children())...)
	}
	return out
}

// duplicates lists the names that occur more than once, with the group and
// line of each occurrence: the signal menu-duplicate has on a text page.
func duplicates(entries []*page.Entry) []string {
	seen := map[string][]*page.Entry{}
	for _, e := range entries {
		n := page.NormalizeLabel(e.Name())
		seen[n] = append(seen[n], e)
	}
	var out []string
	for n, es := range seen {
		if len(es) < 2 || n == "" {
			continue
		}
		s := n + " ("
		for i, e := range es {
			if i > 0 {
				s += ", "
			}
			s += fmt.Sprintf("%s %d", e.Group, e.Line)
		}
		out = append(out, s+")")
	}
	sort.Strings(out)
	return out
}

func BenchmarkParseSeed(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{Source: "seed"}); err != nil {
			b.Fatal(err)
		}
	}
}
