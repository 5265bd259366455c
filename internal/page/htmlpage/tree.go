package htmlpage

import (
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

	// memos of a parsed tree (a direct tree keeps them in its dnodes)
	entries  map[*html.Node]*page.Entry
	sels     map[*html.Node]string      // selector paths made so far
	headings map[*html.Node]*html.Node  // last heading in a subtree, see lastHeading
	groups   map[*html.Node]groupResult // see precedingGroup
	aboves   map[*html.Node]string      // see groupAbove
}

type groupResult struct {
	text  string
	found bool
}

func (t *tree) memoEntry(n *html.Node) *page.Entry {
	if t.direct {
		return asDnode(n).entry
	}
	return t.entries[n]
}

func (t *tree) setEntry(n *html.Node, e *page.Entry) {
	if t.direct {
		asDnode(n).entry = e
	} else {
		t.entries[n] = e
	}
}

// isControl: n is a link or button of the page — not one of the ancestors
// re-synthesized before a parsed region, which have no position.
func (t *tree) isControl(n *html.Node) bool {
	return t.kind(n) != "" && t.off(n) >= 0
}

// kind is controlKind of n, known to the stream for a direct tree.
func (t *tree) kind(n *html.Node) string {
	if t.direct {
		if n.Type != html.ElementNode {
			return ""
		}
		return asDnode(n).kind
	}
	return controlKind(n.DataAtom, n.Attr)
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
	if e := t.memoEntry(n); e != nil {
		return e
	}
	off := t.off(n)
	e := t.b.s.newEntry()
	e.Kind = t.kind(n)
	e.Label, e.Text = accName(n, t.b.labelledBy, &t.b.s.sc.name, t.b.s.keep)
	if e.Kind == page.KindButton && opensSubmenu(n) {
		e.Kind = page.KindToggle
	}
	if n.DataAtom == atom.A || n.DataAtom == atom.Area {
		e.Href, e.HasHref = nodeAttr(n, "href")
		e.Href = t.b.s.keepString(e.Href)
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
	t.setEntry(n, e)
	t.b.order = append(t.b.order, orderedEntry{off: off, e: e})
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
		if s.Type == html.ElementNode && (isIn(s.DataAtom, pList) || hasControl(s)) {
			return n.Parent != nil && (n.Parent.DataAtom == atom.Li || n.Parent.DataAtom == atom.Details)
		}
	}
	return false
}

// hasControl: a link or button inside n; the walk stops at the first.
func hasControl(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (controlKind(c.DataAtom, c.Attr) != "" || hasControl(c)) {
			return true
		}
	}
	return false
}

// hidden: n or an ancestor is hidden by attribute or inline style.
func (t *tree) hidden(n *html.Node) bool {
	if t.direct && n.Type == html.ElementNode {
		return asDnode(n).hidden // the stream's, the same walk
	}
	for a := n; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if hiddenNode(a) {
			return true
		}
	}
	return t.parentHidden
}

// icon finds an img or svg inside n or as the element right before it.
func (t *tree) icon(n *html.Node) (bool, string) {
	if found, label := firstIcon(n); found {
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

// firstIcon is the first icon inside n, in document order.
func firstIcon(n *html.Node) (bool, string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if ok, l := iconNode(c); ok {
			return true, l
		}
		if ok, l := firstIcon(c); ok {
			return true, l
		}
	}
	return false, ""
}

func iconNode(n *html.Node) (bool, string) {
	switch {
	case n.DataAtom == atom.Img && n.Namespace == "":
		alt, _ := nodeAttr(n, "alt")
		return true, strings.Clone(collapse(alt))
	case n.Data == "svg" && n.Namespace == "svg":
		return true, svgTitle(n)
	}
	return false, ""
}

// selector builds n's selector path: the capture root's path from the
// stream, then one :nth-child step per tree level below it, restarting at
// any element with an id.
func (t *tree) selector(n *html.Node) string {
	if sel, ok := t.memoPath(n); ok {
		return t.b.s.keepString(sel)
	}
	return t.makePath(n, true) // kept as it is made: one copy less
}

// path is selector, in the stream's arena: the paths of ancestors are only
// prefixes.
func (t *tree) path(n *html.Node) string {
	if sel, ok := t.memoPath(n); ok {
		return sel
	}
	return t.makePath(n, false)
}

func (t *tree) memoPath(n *html.Node) (string, bool) {
	if t.direct {
		d := asDnode(n)
		return d.sel, d.sel != ""
	}
	sel, ok := t.sels[n]
	return sel, ok
}

// makePath makes and memoizes the path of n; keep puts it in the page's
// chunks, where it serves as a prefix just as well.
func (t *tree) makePath(n *html.Node, keep bool) string {
	var sel string
	switch id, _ := nodeAttr(n, "id"); {
	case n == t.root:
		sel = t.rootSel
	case id != "":
		sel = idSelector(n.Data, id)
	case n.Parent == nil || n.Parent.Type != html.ElementNode:
		// moved out of its capture by the parser: the root is the
		// nearest selector the stream knows
		sel = t.rootSel
	default:
		sel = t.b.s.childSelector(t.path(n.Parent), n.Data, nthChild(n), keep)
	}
	if t.direct {
		asDnode(n).sel = sel
	} else {
		t.sels[n] = sel
	}
	return sel
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
	if text, ok := t.groupAt(n, true); ok {
		return text
	}
	return t.groupAbove(n.Parent)
}

// groupAt is the group one element cur gives, found or not; self says cur
// is the entry itself, which its own aria name does not head.
func (t *tree) groupAt(cur *html.Node, self bool) (string, bool) {
	if cur == nil || cur == t.root || cur.Type != html.ElementNode {
		return "", true // the search ends
	}
	if !self && (isIn(cur.DataAtom, pList) || cur.DataAtom == atom.Nav) {
		if name := t.ariaName(cur); name != "" {
			return name, true
		}
	}
	if isIn(cur.DataAtom, pList) && cur.Parent != nil && cur.Parent.DataAtom == atom.Li {
		if text := itemHeading(cur); text != "" {
			return text, true
		}
	}
	if g := t.precedingGroup(cur); g.found {
		return g.text, true
	}
	return "", false
}

// groupAbove is the group an entry inside cur takes from cur and its
// ancestors, memoized: the entries of a list share them.
func (t *tree) groupAbove(cur *html.Node) string {
	var d *dnode
	if t.direct && cur != nil && cur.Type == html.ElementNode { // the document is no dnode
		if d = asDnode(cur); d.memoized&memoAbove != 0 {
			return d.above
		}
	} else if text, ok := t.aboves[cur]; ok {
		return text
	}
	text, ok := t.groupAt(cur, false)
	if !ok {
		text = t.groupAbove(cur.Parent)
	}
	if d != nil {
		d.above, d.memoized = text, d.memoized|memoAbove
	} else if t.aboves != nil {
		t.aboves[cur] = text
	}
	return text
}

// itemHeading is the plain text heading a nested list in its list item:
// <li><span>Software</span><ul>…
func itemHeading(list *html.Node) string {
	for s := list.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type != html.ElementNode || hiddenNode(s) || isHeadingNode(s) {
			continue
		}
		if controlKind(s.DataAtom, s.Attr) != "" || hasControl(s) {
			return ""
		}
		if text := collapse(textOf(s)); text != "" {
			return text
		}
	}
	return ""
}

// precedingGroup is the nearest heading among the preceding siblings of n
// (or inside them, but for list items), memoized along the sibling chain.
func (t *tree) precedingGroup(n *html.Node) groupResult {
	if t.direct {
		if d := asDnode(n); d.memoized&memoGroup != 0 {
			return d.group
		}
	} else if g, ok := t.groups[n]; ok {
		return g
	}
	var g groupResult
	s := n.PrevSibling
	for s != nil && (s.Type != html.ElementNode || hiddenNode(s)) {
		s = s.PrevSibling
	}
	switch {
	case s == nil:
	case isHeadingNode(s):
		g = groupResult{headingText(s, t.b), true}
	case t.kind(s) != "":
		// A run of links under one heading: <h3>A</h3><a>1</a><a>2</a>.
		g = t.precedingGroup(s)
	case hasControl(s) && t.lastHeading(s) != nil:
		// An earlier column (a heading and its own links) is no heading of
		// n: the search ends here, so a footer's legal bar does not take
		// the last column's heading.
	default:
		// A heading inside an earlier list item heads that item only.
		if h := t.lastHeading(s); h != nil && s.DataAtom != atom.Li {
			g = groupResult{headingText(h, t.b), true}
		} else {
			g = t.precedingGroup(s)
		}
	}
	if t.direct {
		d := asDnode(n)
		d.group, d.memoized = g, d.memoized|memoGroup
	} else {
		t.groups[n] = g
	}
	return g
}

func headingText(h *html.Node, b *builder) string {
	label, _ := accName(h, b.labelledBy, &b.s.sc.name, b.s.keep)
	return label
}

// lastHeading is the last heading inside n, memoized.
func (t *tree) lastHeading(n *html.Node) *html.Node {
	if t.direct {
		if d := asDnode(n); d.memoized&memoHeading != 0 {
			return d.heading
		}
	} else if h, ok := t.headings[n]; ok {
		return h
	}
	var last *html.Node
	for c := n.LastChild; c != nil && last == nil; c = c.PrevSibling {
		if c.Type != html.ElementNode || hiddenNode(c) {
			continue
		}
		if isHeadingNode(c) {
			last = c
		} else {
			last = t.lastHeading(c)
		}
	}
	if t.direct {
		d := asDnode(n)
		d.heading, d.memoized = last, d.memoized|memoHeading
	} else {
		t.headings[n] = last
	}
	return last
}
