package htmlpage

import (
	"bytes"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// span is a byte range of the source: an element from its start tag to
// where it ends.
type span struct{ from, to int }

func (r span) has(off int) bool { return off >= r.from && off < r.to }

// builder turns what the stream found into the page model: it parses the
// captured regions and controls and makes their entries.
type builder struct {
	s   *stream
	p   *page.Page
	res resolver

	header, footer int // chosen candidates, -1 for none
	menus          []int
	headerSpan     span
	footerSpan     span
	menuSpans      []span

	order []orderedEntry
	ids   map[string]string // aria-labelledby texts, resolved once
	// idLookups counts the aria-labelledby lookups: a region that made
	// any depends on the rest of the page.
	idLookups int
}

type orderedEntry struct {
	off int
	e   *page.Entry
}

func (s *stream) build() *page.Page {
	s.closeOpenDisables()
	b := &builder{
		s: s, p: s.p, res: newResolver(s.opt.URL, s.p.Base, s.concat),
		header: -1, footer: -1,
		order: s.sc.order[:0],
	}
	b.chooseLandmarks()
	for i, r := range s.caps.regions {
		b.region(i, r)
	}
	fromRegions := len(b.order)
	b.controls()
	b.sortOrder(fromRegions)
	b.finishLinks()
	s.sc.order = b.order
	b.p.Controls = make([]*page.Entry, len(b.order))
	for i, o := range b.order {
		b.p.Controls[i] = o.e
	}
	return b.p
}

// sortOrder puts b.order in source order, stably. It is two runs, mostly
// sorted each: the entries of the regions, then the controls outside them
// from split on; merging them is much cheaper than sorting.
func (b *builder) sortOrder(split int) {
	byOff := func(x, y orderedEntry) int { return x.off - y.off }
	o := b.order
	if !slices.IsSortedFunc(o[:split], byOff) || !slices.IsSortedFunc(o[split:], byOff) {
		slices.SortStableFunc(o, byOff)
		return
	}
	if split == 0 || split == len(o) || o[split-1].off <= o[split].off {
		return
	}
	b.s.sc.merge = append(b.s.sc.merge[:0], o...)
	merged := b.s.sc.merge
	i, j, k := 0, split, 0
	for i < split && j < len(o) {
		if merged[j].off < merged[i].off { // a tie keeps the region's first
			o[k], j = merged[j], j+1
		} else {
			o[k], i = merged[i], i+1
		}
		k++
	}
	k += copy(o[k:], merged[i:split])
	copy(o[k:], merged[j:])
	clear(merged) // the entries belong to the page
	b.s.sc.merge = merged[:0]
}

// chooseLandmarks picks the page header (the first that is a landmark, i.e.
// not inside a sectioning element, else the first), the page footer (the
// last landmark, else the last) and the menus: named menus, and the other
// navigation elements that neither hold nor stand in a named menu.
func (b *builder) chooseLandmarks() {
	cands := b.s.cands
	for i, c := range cands {
		switch c.kind {
		case candHeader:
			if b.header < 0 || (c.landmark && !cands[b.header].landmark) {
				b.header = i
			}
		case candFooter:
			if b.footer < 0 || c.landmark || !cands[b.footer].landmark {
				b.footer = i
			}
		}
	}
	if b.header >= 0 {
		b.headerSpan = span{cands[b.header].off, cands[b.header].end}
	}
	if b.footer >= 0 {
		b.footerSpan = span{cands[b.footer].off, cands[b.footer].end}
	}
	for i, c := range cands {
		if c.kind != candMenu {
			continue
		}
		if !c.named && b.overlapsNamed(c) {
			continue
		}
		b.menus = append(b.menus, i)
		b.menuSpans = append(b.menuSpans, span{c.off, c.end})
	}
}

func (b *builder) overlapsNamed(c candidate) bool {
	for _, o := range b.s.cands {
		if o.kind == candMenu && o.named && o.off < c.end && c.off < o.end {
			return true
		}
	}
	return false
}

// regionAt says where a source offset stands: footer, header, a menu, or
// the main content.
func (b *builder) regionAt(off int) string {
	switch {
	case b.footer >= 0 && b.footerSpan.has(off):
		return page.RegionFooter
	case b.header >= 0 && b.headerSpan.has(off):
		return page.RegionHeader
	}
	for _, m := range b.menuSpans {
		if m.has(off) {
			return page.RegionNav
		}
	}
	return page.RegionMain
}

// landmarkRegion is where a menu stands: header, footer or main.
func (b *builder) landmarkRegion(off int) string {
	r := b.regionAt(off)
	if r == page.RegionNav {
		return page.RegionMain
	}
	return r
}

func (b *builder) pos(off int) page.Pos { return b.s.lines.pos(off) }

// region parses one captured region and makes the menus, header and
// footer whose root it holds: through the run's Regions cache when there
// is one and the stream could build the region's tree itself.
func (b *builder) region(seg int, r *regionCapture) {
	if cache := b.s.opt.Regions; cache != nil && (r.replayed || r.direct.ok && r.direct.root != nil) {
		b.memoRegion(seg, r, cache)
		return
	}
	b.setRegion(b.buildRegion(seg, r))
}

// buildRegion parses one captured region and makes its entries, and the
// header, footer and menus whose root it holds.
func (b *builder) buildRegion(seg int, r *regionCapture) (header, footer *page.Region, menus []*page.Menu) {
	t := &tree{b: b, rootSel: r.sel, parentHidden: r.parentHidden}
	var doc *html.Node
	if r.direct.ok && r.direct.root != nil {
		doc = &html.Node{Type: html.DocumentNode}
		doc.AppendChild(r.direct.root)
		t.direct = true
	} else {
		t.entries = make(map[*html.Node]*page.Entry)
		t.sels = make(map[*html.Node]string)
		t.headings = make(map[*html.Node]*html.Node)
		t.groups = make(map[*html.Node]groupResult)
		t.aboves = make(map[*html.Node]string)
		var err error
		doc, err = html.Parse(bytes.NewReader(r.markup(b.s.data)))
		if err != nil {
			return nil, nil, nil // a bytes.Reader never fails; nothing to model if it did
		}
	}
	want := make(map[int]*html.Node, 4)
	for _, c := range b.s.cands {
		if c.seg == seg {
			want[c.off] = nil
		}
	}
	var controls []*html.Node
	walkElements(doc, func(n *html.Node) {
		off := t.off(n)
		if off < 0 {
			return
		}
		if found, ok := want[off]; ok && found == nil {
			want[off] = n
		}
		if t.isControl(n) {
			controls = append(controls, n)
		}
	})
	t.root = want[r.rootOff]
	for _, n := range controls {
		t.entry(n)
	}
	for i, c := range b.s.cands {
		n := want[c.off]
		if c.seg != seg || n == nil {
			continue
		}
		switch i {
		case b.header:
			header = t.region(n, c, false)
		case b.footer:
			footer = t.region(n, c, true)
		}
		if c.kind == candMenu && b.isMenu(i) {
			menus = append(menus, t.menu(n, c))
		}
	}
	return header, footer, menus
}

func (b *builder) isMenu(i int) bool {
	for _, m := range b.menus {
		if m == i {
			return true
		}
	}
	return false
}

// controls makes the entries of the controls outside every region.
func (b *builder) controls() {
	for _, c := range b.s.ctrls {
		e := b.bodyEntry(c)
		b.order = append(b.order, orderedEntry{off: c.off, e: e})
	}
}

// finishLinks resolves the links and gives a and area links the label of
// their entry.
func (b *builder) finishLinks() {
	next := 0 // b.order and the links are both in source order
	for i, l := range b.s.links {
		info := b.s.linkInfo[i]
		for next < len(b.order) && b.order[next].off < info.off {
			next++
		}
		var e *page.Entry
		if next < len(b.order) && b.order[next].off == info.off {
			e = b.order[next].e
		}
		l.Region = b.regionAt(info.off)
		if e != nil {
			l.Pos = e.Pos // the same element
		} else {
			l.Pos = b.pos(info.off)
		}
		if info.anchor && e != nil {
			l.Label = e.Label
			l.Selector = e.Selector
		}
		if e != nil && e.HasHref && e.Href == l.Href {
			l.Target = e.Target
		} else {
			l.Target = b.res.target(l.Href)
		}
	}
	b.p.Links = b.s.links
	if b.p.Links == nil {
		b.p.Links = []*page.Link{}
	}
}

// labelledBy returns the text of the element with id, for aria-labelledby.
func (b *builder) labelledBy(id string) string {
	b.idLookups++
	if b.ids == nil {
		b.ids = make(map[string]string)
	}
	if text, ok := b.ids[id]; ok {
		return text
	}
	text := ""
	for _, r := range b.s.ids {
		if r.id == id {
			text = fragmentText(b.s.data[r.start:max(r.start, r.end)])
			break
		}
	}
	b.ids[id] = text
	return text
}

// fragmentText is the accessible text of a piece of markup.
func fragmentText(markup []byte) string {
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(markup), context)
	if err != nil {
		return ""
	}
	var t nameText
	holder := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		holder.AppendChild(n)
	}
	t.walk(holder)
	return collapse(string(t.full))
}

func walkElements(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
			walkElements(c, f)
		}
	}
}

func isHeadingNode(n *html.Node) bool {
	if isIn(n.DataAtom, pHeading) && n.Namespace == "" {
		return true
	}
	role, _ := nodeAttr(n, "role")
	return strings.EqualFold(strings.TrimSpace(role), "heading")
}
