package textpage_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/page/textpage"
	"github.com/pagelint/pagelint/internal/page/textpage/dumptest"
)

var dumpFixtures = flag.Bool("dump-fixtures", false, "rewrite the dumps of fixtures/text-dump-* with the installed lynx and w3m")

// TestRealDumps dumps the pages of the example site and of the dump
// fixtures with the real lynx and w3m, in each variant the docs promise,
// reads every dump and compares its model with the model of the page's
// HTML source: the header menus with their nesting and groups, the header
// and footer items, the copyright notices and the links. What a dump
// cannot carry is left out of the comparison, as dumpComparison says.
func TestRealDumps(t *testing.T) {
	dumptest.Require(t)
	hosts := map[string]string{}
	for _, s := range dumptest.Sites {
		hosts[s.Host] = filepath.Join(repoRoot, s.Dir)
	}
	srv := dumptest.Serve(t, hosts)
	for _, s := range dumptest.Sites {
		dir := filepath.Join(repoRoot, s.Dir)
		for _, file := range s.Pages {
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
			if err != nil {
				t.Fatal(err)
			}
			want, err := htmlpage.Parse(src, htmlpage.Options{Source: file, URL: "/" + file})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range dumptest.Variants {
				t.Run(s.Host+"/"+file+"/"+v.Name, func(t *testing.T) {
					dump, err := srv.Dump(context.Background(), v, s.URL(file))
					if err != nil {
						t.Fatal(err)
					}
					if s.Fixture && *dumpFixtures {
						if err := os.WriteFile(filepath.Join(dir, dumptest.DumpName(file, v)), dump, 0o644); err != nil {
							t.Fatal(err)
						}
					}
					got, err := textpage.Parse(dump, textpage.Options{Source: v.Name + ".txt", URL: s.URL(file)})
					if err != nil {
						t.Fatalf("Parse: %v\n%s", err, dump)
					}
					c := &dumpComparison{v: v, site: s}
					c.compare(want, got)
					if len(c.diffs) > 0 {
						t.Errorf("the dump's model differs from the HTML's:\n  %s\n--- dump\n%s", strings.Join(c.diffs, "\n  "), dump)
					}
				})
			}
		}
	}
}

const repoRoot = "../../.."

// dumpComparison compares the model of a dump with the model of its HTML.
//
// Compared: the header menus as one forest (entries in order, nesting,
// label, kind, group, target), the header and footer items (label, kind,
// group, target), the copyright notices, and the targets of the links.
// Left out, since text cannot carry them: menu names (a nav's aria-label
// does not show; the text names a menu after the line above it), groups
// that come from a menu's name, positions and selectors, Hidden (lynx and
// w3m show hidden elements), the page title (<title> is not dumped), and
// the menus of the body (a body list is no menu in text). Where a variant
// does not mark links (lynx -nolist, w3m -dump) or buttons (w3m), targets
// or button kinds are not compared, and the text lines of header and
// footer, which may hold links, give no items: there the dump's items must
// be a part of the HTML's, in order. A link whose text does not show (an
// icon with an aria-label, an image without alt) is an entry without a
// label in a dump, and no link.
type dumpComparison struct {
	v     dumptest.Variant
	site  dumptest.Site
	diffs []string
}

func (c *dumpComparison) errorf(format string, args ...any) {
	c.diffs = append(c.diffs, fmt.Sprintf(format, args...))
}

func (c *dumpComparison) compare(want, got *page.Page) {
	c.entries("header menus", headerMenuEntries(want), headerMenuEntries(got), menuNames(want))
	c.items("header", regionItems(want.Header), regionItems(got.Header), menuNames(want))
	c.items("footer", regionItems(want.Footer), regionItems(got.Footer), menuNames(want))
	if w, g := copyrights(want), copyrights(got); w != g {
		c.errorf("copyright %q, want %q", g, w)
	}
	if c.v.MarksLinks {
		c.links(want, got)
	}
}

// headerMenuEntries is the forest of the header menus' entries, in order.
func headerMenuEntries(p *page.Page) []*page.Entry {
	var out []*page.Entry
	for _, m := range p.Menus {
		if m.Region == page.RegionHeader {
			out = append(out, m.Entries...)
		}
	}
	return out
}

func menuNames(p *page.Page) map[string]bool {
	names := map[string]bool{"": true}
	for _, m := range p.Menus {
		names[m.Name] = true
	}
	return names
}

// entries compares two forests of menu entries, entry by entry.
func (c *dumpComparison) entries(where string, want, got []*page.Entry, menuNames map[string]bool) {
	if len(want) != len(got) {
		c.errorf("%s: %d entries %q, want %d %q", where, len(got), labels(got), len(want), labels(want))
		return
	}
	for i, w := range want {
		g := got[i]
		at := where + " > " + w.Label
		c.entry(at, w, g, menuNames)
		c.entries(at, w.Children(), g.Children(), menuNames)
	}
}

// entry compares one entry of the dump with the HTML's.
func (c *dumpComparison) entry(at string, w, g *page.Entry, menuNames map[string]bool) {
	if g.Label != shownLabel(w) {
		c.errorf("%s: label %q, want %q", at, g.Label, shownLabel(w))
	}
	if k := c.kind(w); g.Kind != k {
		c.errorf("%s: kind %s, want %s", at, g.Kind, k)
	}
	// A group the dump gives must be the HTML's; an HTML group that is
	// the menu's name (a nav's aria-label) does not show.
	if g.Group != w.Group && (g.Group != "" || !menuNames[w.Group]) {
		c.errorf("%s: group %q, want %q", at, g.Group, w.Group)
	}
	if c.v.MarksLinks && w.Kind == page.KindLink && shownLabel(w) != "" && c.site.SitePath(g.Target) != c.site.SitePath(w.Target) {
		c.errorf("%s: target %q, want %q", at, g.Target, w.Target)
	}
}

// kind is what the dump can say of an entry: buttons only where it marks
// them, and every other entry is text.
func (c *dumpComparison) kind(w *page.Entry) page.Kind {
	if c.v.MarksButtons && (w.Kind == page.KindButton || w.Kind == page.KindToggle) {
		return w.Kind
	}
	return page.KindText
}

// shownLabel is the label a dump shows for an entry: none for one whose
// only name is an aria-label on an icon.
func shownLabel(e *page.Entry) string {
	if e.Icon && e.IconLabel() == "" && e.Text() == "" {
		return ""
	}
	return e.Label
}

// items compares the items of a region: with every link and button marked,
// one for one; else the dump's must be a part of the HTML's, in order.
func (c *dumpComparison) items(where string, want, got []*page.Entry, menuNames map[string]bool) {
	if c.v.MarksLinks && c.v.MarksButtons {
		if len(want) != len(got) {
			c.errorf("%s: %d items %q, want %d %q", where, len(got), labels(got), len(want), labels(want))
			return
		}
		for i, w := range want {
			c.entry(where+" > "+w.Label, w, got[i], menuNames)
		}
		return
	}
	j := 0
	for _, g := range got {
		for j < len(want) && shownLabel(want[j]) != g.Label {
			j++
		}
		if j == len(want) {
			c.errorf("%s: item %q is not among the HTML's %q, in order", where, g.Label, labels(want))
			return
		}
		c.entry(where+" > "+g.Label, want[j], g, menuNames)
		j++
	}
}

// links compares the targets of the a links: the dump's must be the
// HTML's, less those of links whose text does not show.
func (c *dumpComparison) links(want, got *page.Page) {
	shown := map[page.Pos]bool{}
	for _, e := range want.Controls {
		shown[e.Pos] = shownLabel(e) != ""
	}
	var w, g []string
	for _, l := range want.Links {
		if l.Tag == page.TagA && shown[l.Pos] {
			w = append(w, c.site.SitePath(l.Target))
		}
	}
	for _, l := range got.Links {
		g = append(g, c.site.SitePath(l.Target))
	}
	if strings.Join(w, "\n") != strings.Join(g, "\n") {
		c.errorf("link targets\n    %q\n  want\n    %q", g, w)
	}
}

func regionItems(r *page.Region) []*page.Entry {
	if r == nil {
		return nil
	}
	return r.Items
}

func copyrights(p *page.Page) string {
	if p.Footer == nil {
		return ""
	}
	var out []string
	for _, c := range p.Footer.Copyright {
		out = append(out, c.Text)
	}
	return strings.Join(out, " | ")
}

func labels(entries []*page.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Label
	}
	return out
}
