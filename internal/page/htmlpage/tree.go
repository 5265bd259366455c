package htmlpage

import (
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tree is one parsed capture: a region, or one control of the batch.
type tree struct {
	b       *builder
	root    *html.Node // the element the capture started at
	rootSel string
	// direct: the tree was built by the stream (see dnode); else parsed,
	// its nodes carrying posAttr
	direct       bool
	parentHidden bool
}

// off returns the source offset of element n, or -1.
func (t *tree) off(n *html.Node) int {
	if t.direct {
		if n.Type != html.ElementNode {
			return -1
		}
		return directOffset(n)
	}
	return posOf(n)
}

// entry returns the entry of control n, made once: menus, regions and the
// page's controls share it.
func (t *tree) entry(n *html.Node) *page.Entry {
	if e, ok := t.b.entries[n]; ok {
		return e
	}
	off := t.off(n)
	e := &page.Entry{Kind: controlKind(n.DataAtom, n.Attr)}
	e.Label, e.Text = accName(n, t.b.labelledBy)
	if e.Kind == page.KindButton && opensSubmenu(n) {
		e.Kind = page.KindToggle
	}
	if n.DataAtom == atom.A || n.DataAtom == atom.Area {
		e.Href, e.HasHref = nodeAttr(n, "href")
		e.Href = strings.Clone(e.Href)
		if e.HasHref {
			e.Target = t.b.res.target(e.Href)
		}
	}
	e.Hidden = t.hidden(n)
	e.Icon, e.IconLabel = t.icon(n)
	e.Region = t.b.regionAt(off)
	e.Selector = t.selector(n)
	e.Pos = t.b.pos(off)
	e.Group = t.group(n)
	t.b.entries[n] = e
	if _, ok := t.b.byOff[off]; !ok {
		t.b.byOff[off] = e
	}
	t.b.order = append(t.b.order, orderedEntry{off: off, seq: len(t.b.order), e: e})
	return e
}

// opensSubmenu: a button that says it controls a popup, or stands before a
// list or panel of further controls in its list item.
func opensSubmenu(n *html.Node) bool {
	for _, k := range []string{"aria-expanded", "aria-haspopup", "aria-controls"} {
		if v, ok := nodeAttr(n, k); ok && v != "false" {
			return true
		}
	}
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && (lists[s.DataAtom] || hasControl(s)) {
			return n.Parent != nil && (n.Parent.DataAtom == atom.Li || n.Parent.DataAtom == atom.Details)
		}
	}
	return false
}

func hasControl(n *html.Node) bool {
	found := false
	walkElements(n, func(c *html.Node) {
		if !found && controlKind(c.DataAtom, c.Attr) != "" {
			found = true
		}
	})
	return found
}

// hidden: n or an ancestor is hidden by attribute or inline style.
func (t *tree) hidden(n *html.Node) bool {
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if hiddenNode(a) {
			return true
		}
	}
	return t.parentHidden
}

// icon finds an img or svg inside n or as the element right before it.
func (t *tree) icon(n *html.Node) (bool, string) {
	found, label := false, ""
	walkElements(n, func(c *html.Node) {
		if found {
			return
		}
		if ok, l := iconNode(c); ok {
			found, label = true, l
		}
	})
	if found {
		return true, label
	}
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		switch s.Type {
		case html.TextNode:
			if strings.TrimSpace(s.Data) != "" {
				return false, ""
			}
		case html.ElementNode:
			return iconNode(s)
		}
	}
	return false, ""
}

func iconNode(n *html.Node) (bool, string) {
	switch {
	case n.DataAtom == atom.Img && n.Namespace == "":
		alt, _ := nodeAttr(n, "alt")
		return true, strings.Clone(page.CollapseSpace(alt))
	case n.Data == "svg" && n.Namespace == "svg":
		return true, svgTitle(n)
	}
	return false, ""
}

// selector builds n's selector path: the capture root's path from the
// stream, then one :nth-child step per tree level below it, restarting at
// any element with an id.
func (t *tree) selector(n *html.Node) string {
	var steps []string
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if a == t.root {
			steps = append(steps, t.rootSel)
			break
		}
		if id, _ := nodeAttr(a, "id"); id != "" {
			steps = append(steps, idSelector(a.Data, id))
			break
		}
		if a.Parent == nil || a.Parent.Type != html.ElementNode {
			// moved out of its capture by the parser: the root is the
			// nearest selector the stream knows
			steps = append(steps, t.rootSel)
			break
		}
		steps = append(steps, a.Data+":nth-child("+strconv.Itoa(nthChild(a))+")")
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return strings.Join(steps, " > ")
}

func nthChild(n *html.Node) int {
	i := 1
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			i++
		}
	}
	return i
}

// group is the heading of the column or list n stands in, within the
// capture root: the nearest preceding heading (h1–h6, role=heading), the
// plain text item heading a nested list, or the aria-label of an
// enclosing list or nav.
func (t *tree) group(n *html.Node) string {
	for cur := n; cur != nil && cur != t.root && cur.Type == html.ElementNode; cur = cur.Parent {
		if cur != n && (lists[cur.DataAtom] || cur.DataAtom == atom.Nav) {
			if l, _ := nodeAttr(cur, "aria-label"); strings.TrimSpace(l) != "" {
				return strings.Clone(page.CollapseSpace(l))
			}
		}
		for s := cur.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type != html.ElementNode || hiddenNode(s) {
				continue
			}
			if isHeadingNode(s) {
				return headingText(s, t.b)
			}
			if h := lastHeading(s); h != nil {
				return headingText(h, t.b)
			}
			if lists[cur.DataAtom] && cur.Parent != nil && cur.Parent.DataAtom == atom.Li &&
				!hasControl(s) && controlKind(s.DataAtom, s.Attr) == "" {
				if text := page.CollapseSpace(textOf(s)); text != "" {
					return text
				}
			}
		}
	}
	return ""
}

func headingText(h *html.Node, b *builder) string {
	label, _ := accName(h, b.labelledBy)
	return label
}

func lastHeading(n *html.Node) *html.Node {
	var last *html.Node
	walkElements(n, func(c *html.Node) {
		if isHeadingNode(c) {
			last = c
		}
	})
	return last
}
