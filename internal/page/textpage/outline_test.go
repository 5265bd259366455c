package textpage

import (
	"fmt"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// outline prints the model in a compact form that golden files and table
// tests compare: one line per menu, entry, item, link and notice.
func outline(p *page.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q\n", p.Title)
	for _, m := range p.Menus {
		fmt.Fprintf(&b, "menu %q %s %d:%d\n", m.Name, m.Region, m.Line, m.Column)
		writeEntries(&b, m.Entries, "  ")
	}
	for _, r := range []struct {
		name string
		reg  *page.Region
	}{{"header", p.Header}, {"footer", p.Footer}} {
		if r.reg == nil {
			fmt.Fprintf(&b, "%s none\n", r.name)
			continue
		}
		fmt.Fprintf(&b, "%s %d:%d\n", r.name, r.reg.Line, r.reg.Column)
		if r.name == "footer" {
			writeEntries(&b, r.reg.Items, "  ")
			for _, c := range r.reg.Copyright {
				fmt.Fprintf(&b, "  copyright %q %d:%d\n", c.Text, c.Line, c.Column)
			}
		} else {
			fmt.Fprintf(&b, "  items %d\n", len(r.reg.Items))
		}
	}
	for _, l := range p.Links {
		fmt.Fprintf(&b, "link %s %d:%d %q", l.Region, l.Line, l.Column, l.Label)
		if l.Href != "" {
			fmt.Fprintf(&b, " href=%q target=%q", l.Href, l.Target)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "controls %d\n", len(p.Controls))
	for _, s := range p.Suppressions {
		fmt.Fprintf(&b, "suppress %v %d-%d\n", s.Rules, s.From, s.To)
	}
	return b.String()
}

func writeEntries(b *strings.Builder, entries []*page.Entry, indent string) {
	for _, e := range entries {
		fmt.Fprintf(b, "%s%s %q %d:%d", indent, e.Kind, e.Label, e.Line, e.Column)
		if e.Group != "" {
			fmt.Fprintf(b, " group=%q", e.Group)
		}
		if e.Text() != "" {
			fmt.Fprintf(b, " text=%q", e.Text())
		}
		if e.Icon {
			fmt.Fprintf(b, " icon=%q", e.IconLabel())
		}
		if e.HasHref {
			fmt.Fprintf(b, " href=%q target=%q", e.Href, e.Target)
		}
		b.WriteString("\n")
		writeEntries(b, e.Children(), indent+"  ")
	}
}
