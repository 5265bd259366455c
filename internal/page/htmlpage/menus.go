package htmlpage

import (
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// menu makes the model of menu element n.
func (t *tree) menu(n *html.Node, c candidate) *page.Menu {
	m := &page.Menu{
		Name:     c.name,
		Selector: t.selector(n),
		Region:   t.b.landmarkRegion(c.off),
		Pos:      t.b.pos(c.off),
	}
	if !c.named {
		m.Name = t.menuName(n)
	}
	m.Entries = t.collect(n)
	if m.Entries == nil {
		m.Entries = []*page.Entry{}
	}
	return m
}

// ariaName is n's name from aria-label, else from the texts its
// aria-labelledby names; "" when it has neither.
func (t *tree) ariaName(n *html.Node) string {
	if l, _ := nodeAttr(n, "aria-label"); strings.TrimSpace(l) != "" {
		return strings.Clone(collapse(l))
	}
	if ids, ok := nodeAttr(n, "aria-labelledby"); ok {
		var parts []string
		for _, id := range strings.Fields(ids) {
			if s := t.b.labelledBy(id); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// menuName: aria-label, else the text of aria-labelledby, else the first
// heading inside.
func (t *tree) menuName(n *html.Node) string {
	if name := t.ariaName(n); name != "" {
		return name
	}
	if first := firstHeading(n); first != nil {
		return headingText(first, t.b)
	}
	return ""
}

// firstHeading is the first h1–h6 inside n, in document order.
func firstHeading(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isIn(c.DataAtom, pHeading) && c.Namespace == "" {
			return c
		}
		if h := firstHeading(c); h != nil {
			return h
		}
	}
	return nil
}

// collect returns the entries in n's subtree, nested as the lists nest
// them.
func (t *tree) collect(n *html.Node) []*page.Entry {
	var out []*page.Entry
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || isIn(c.DataAtom, pSkipText) {
			continue
		}
		switch {
		case t.isControl(c):
			out = append(out, t.entry(c))
		case c.DataAtom == atom.Li:
			out = append(out, t.item(c)...)
		default:
			out = append(out, t.collect(c)...)
		}
	}
	return out
}

// item returns the entries of list item li: its own controls, the entries
// of its nested lists (and of panels after its first control) becoming the
// children of the first. An item with no control of its own — a column
// heading — passes its nested entries up.
func (t *tree) item(li *html.Node) []*page.Entry {
	var own, sub []*page.Entry
	t.split(li, 0, &own, &sub)
	if len(own) == 0 {
		return sub
	}
	owner := own[0]
	for _, e := range sub {
		if !containsEntry(owner.Children, e) && e != owner {
			owner.Children = append(owner.Children, e)
		}
	}
	return own
}

func (t *tree) split(n *html.Node, depth int, own, sub *[]*page.Entry) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || isIn(c.DataAtom, pSkipText) {
			continue
		}
		switch {
		case t.isControl(c):
			if depth > 0 && len(*own) > 0 {
				*sub = append(*sub, t.entry(c))
			} else {
				*own = append(*own, t.entry(c))
			}
		case isIn(c.DataAtom, pList) || c.DataAtom == atom.Li:
			*sub = append(*sub, t.collect(c)...)
		default:
			t.split(c, depth+1, own, sub)
		}
	}
}

func containsEntry(list []*page.Entry, e *page.Entry) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// region makes the page header or footer from element n: every control in
// document order, and for the footer the copyright notices.
func (t *tree) region(n *html.Node, c candidate, footer bool) *page.Region {
	r := &page.Region{Selector: t.selector(n), Items: []*page.Entry{}, Pos: t.b.pos(c.off)}
	walkElements(n, func(el *html.Node) {
		if t.isControl(el) {
			r.Items = append(r.Items, t.entry(el))
		}
	})
	if footer {
		r.Copyright = t.copyright(n)
	}
	return r
}

// copyright finds the texts that carry a copyright mark: each is the
// collapsed text of the smallest element holding the notice.
func (t *tree) copyright(root *html.Node) []*page.Copyright {
	var out []*page.Copyright
	var seen []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				if !isIn(c.DataAtom, pSkipText) {
					walk(c)
				}
			case html.TextNode:
				if !hasCopyrightMark(c.Data) {
					continue
				}
				el := noticeElement(c.Parent, root)
				if slices.Contains(seen, el) {
					continue
				}
				seen = append(seen, el)
				out = append(out, &page.Copyright{
					Text: collapse(textOf(el)),
					Pos:  t.b.pos(t.off(el)),
				})
			}
		}
	}
	walk(root)
	return out
}

// noticeElement climbs from the element holding a mark while its text is
// the mark alone (<span>©</span> 2024 Contoso).
func noticeElement(el, root *html.Node) *html.Node {
	for el != root && el.Parent != nil && el.Parent.Type == html.ElementNode && !hasWords(textOf(el)) {
		el = el.Parent
	}
	return el
}

func hasWords(s string) bool {
	s = strings.ToLower(s)
	for _, m := range []string{"©", "(c)", "copyright"} {
		s = strings.ReplaceAll(s, m, "")
	}
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7f {
			return true
		}
	}
	return false
}

func hasCopyrightMark(s string) bool {
	if strings.Contains(s, "©") || strings.Contains(s, "(c)") || strings.Contains(s, "(C)") {
		return true
	}
	return containsFold(s, "copyright")
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
