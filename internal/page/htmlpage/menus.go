package htmlpage

import (
	"bytes"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html/atom"
)

// How menus are read: their names, the nesting of their entries, the group
// each entry stands in, toggles and icons, copyright notices.

// isControl: n is a link or button of the page (it has an entry).
func (md *model) isControl(n nodeID) bool { return md.info[n].entry != nil }

// menu makes the model of the menu candidate c.
func (md *model) menu(c candidate) *page.Menu {
	n := c.node
	m := &page.Menu{Name: c.name, Selector: md.selector(n), Region: md.landmarkRegion(n),
		Pos: md.pos(md.nodes[n].offset())}
	if !c.named {
		m.Name = md.menuName(n)
	}
	m.Entries = md.collect(n)
	if m.Entries == nil {
		m.Entries = []*page.Entry{}
	}
	return m
}

// menuName: aria-label, else the text of aria-labelledby, else the first
// heading inside.
func (md *model) menuName(n nodeID) string {
	if name := md.ariaName(n); name != "" {
		return name
	}
	if first := md.firstHeading(n); first != 0 {
		label, _ := md.accName(first)
		return label
	}
	return ""
}

// firstHeading is the first h1–h6 inside n, in document order.
func (md *model) firstHeading(n nodeID) nodeID {
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if md.nodes[c].text {
			continue
		}
		if md.has(c, pHeading) {
			return c
		}
		if h := md.firstHeading(c); h != 0 {
			return h
		}
	}
	return 0
}

func (md *model) isHeading(n nodeID) bool {
	if md.has(n, pHeading) {
		return true
	}
	role, _ := md.attr(n, attrRole)
	return equalFoldASCII(bytes.TrimSpace(role), "heading")
}

// collect returns the entries in n's subtree, nested as the lists nest
// them.
func (md *model) collect(n nodeID) []*page.Entry {
	var out []*page.Entry
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if md.nodes[c].text || md.has(c, pSkipText) {
			continue
		}
		switch {
		case md.isControl(c):
			out = append(out, md.info[c].entry)
		case md.is(c, atom.Li):
			out = append(out, md.item(c)...)
		default:
			out = append(out, md.collect(c)...)
		}
	}
	return out
}

// item returns the entries of list item li: its own controls, the entries
// of its nested lists (and of panels after its first control) becoming the
// children of the first. An item with no control of its own — a column
// heading — passes its nested entries up.
func (md *model) item(li nodeID) []*page.Entry {
	var own, sub []*page.Entry
	md.split(li, 0, &own, &sub)
	if len(own) == 0 {
		return sub
	}
	owner := own[0]
	for _, e := range sub {
		if !slices.Contains(owner.Children, e) && e != owner {
			owner.Children = append(owner.Children, e)
		}
	}
	return own
}

func (md *model) split(n nodeID, depth int, own, sub *[]*page.Entry) {
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if md.nodes[c].text || md.has(c, pSkipText) {
			continue
		}
		switch {
		case md.isControl(c):
			if depth > 0 && len(*own) > 0 {
				*sub = append(*sub, md.info[c].entry)
			} else {
				*own = append(*own, md.info[c].entry)
			}
		case md.has(c, pList) || md.is(c, atom.Li):
			*sub = append(*sub, md.collect(c)...)
		default:
			md.split(c, depth+1, own, sub)
		}
	}
}

// opensSubmenu: a button that says it controls a popup, or stands before a
// list or panel of further controls in its list item.
func (md *model) opensSubmenu(n nodeID) bool {
	for _, k := range []atom.Atom{attrAriaExpanded, attrAriaHaspopup, attrAriaControls} {
		if v, ok := md.attr(n, k); ok && string(v) != "false" {
			return true
		}
	}
	for s := md.nodes[n].next; s != 0; s = md.nodes[s].next {
		if !md.nodes[s].text && (md.has(s, pList) || md.hasControl(s)) {
			p := md.nodes[n].parent
			return md.is(p, atom.Li) || md.is(p, atom.Details)
		}
	}
	return false
}

// hasControl: a link or button inside n.
func (md *model) hasControl(n nodeID) bool {
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if !md.nodes[c].text && (md.controlKind(c) != "" || md.hasControl(c)) {
			return true
		}
	}
	return false
}

// icon finds an img or svg inside n or as the element right before it.
func (md *model) icon(n nodeID) (bool, string) {
	if found, label := md.firstIcon(n); found {
		return true, label
	}
	for s := md.nodes[n].prev; s != 0; s = md.nodes[s].prev {
		if !md.nodes[s].text {
			return md.iconNode(s)
		}
		if !isSpace(md.bytes(md.nodes[s].data)) {
			return false, ""
		}
	}
	return false, ""
}

// firstIcon is the first icon inside n, in document order.
func (md *model) firstIcon(n nodeID) (bool, string) {
	for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
		if md.nodes[c].text {
			continue
		}
		if ok, l := md.iconNode(c); ok {
			return true, l
		}
		if ok, l := md.firstIcon(c); ok {
			return true, l
		}
	}
	return false, ""
}

func (md *model) iconNode(n nodeID) (bool, string) {
	switch {
	case md.is(n, atom.Img):
		alt, _ := md.attr(n, atom.Alt)
		return true, collapse(string(alt))
	case md.isSVG(n):
		return true, md.svgTitle(n)
	}
	return false, ""
}

type groupResult struct {
	text  string
	found bool
}

// group is the heading of the column or list n stands in, within root (the
// outermost landmark around it): the nearest preceding heading (h1–h6,
// role=heading), the plain text item heading a nested list, or the
// aria-label of an enclosing list or nav.
func (md *model) group(n, root nodeID) string {
	if text, ok := md.groupAt(n, root, true); ok {
		return text
	}
	return md.groupAbove(md.nodes[n].parent, root)
}

// groupAt is the group one element cur gives, found or not; self says cur
// is the entry itself, which its own aria name does not head.
func (md *model) groupAt(cur, root nodeID, self bool) (string, bool) {
	if cur == root || !md.element(cur) {
		return "", true // the search ends
	}
	if !self && (md.has(cur, pList) || md.is(cur, atom.Nav)) {
		if name := md.ariaName(cur); name != "" {
			return name, true
		}
	}
	if md.has(cur, pList) && md.is(md.nodes[cur].parent, atom.Li) {
		if text := md.itemHeading(cur); text != "" {
			return text, true
		}
	}
	if g := md.precedingGroup(cur); g.found {
		return g.text, true
	}
	return "", false
}

// groupAbove is the group an entry inside cur takes from cur and its
// ancestors, memoized: the entries of a list share them.
func (md *model) groupAbove(cur, root nodeID) string {
	info := &md.info[cur]
	if info.memo&memoAbove != 0 {
		return info.above
	}
	text, ok := md.groupAt(cur, root, false)
	if !ok {
		text = md.groupAbove(md.nodes[cur].parent, root)
	}
	info = &md.info[cur]
	info.above, info.memo = text, info.memo|memoAbove
	return text
}

// itemHeading is the plain text heading a nested list in its list item:
// <li><span>Software</span><ul>…
func (md *model) itemHeading(list nodeID) string {
	for s := md.nodes[list].prev; s != 0; s = md.nodes[s].prev {
		if md.nodes[s].text || md.hiddenByAttrs(s) || md.isHeading(s) {
			continue
		}
		if md.controlKind(s) != "" || md.hasControl(s) {
			return ""
		}
		if text := collapse(md.textOf(s)); text != "" {
			return text
		}
	}
	return ""
}

// precedingGroup is the nearest heading among the preceding siblings of n
// (or inside them, but for list items), memoized along the sibling chain.
func (md *model) precedingGroup(n nodeID) groupResult {
	if info := &md.info[n]; info.memo&memoGroup != 0 {
		return info.group
	}
	var g groupResult
	s := md.nodes[n].prev
	for s != 0 && (md.nodes[s].text || md.hiddenByAttrs(s)) {
		s = md.nodes[s].prev
	}
	switch {
	case s == 0:
	case md.isHeading(s):
		g = groupResult{md.headingText(s), true}
	case md.controlKind(s) != "":
		// A run of links under one heading: <h3>A</h3><a>1</a><a>2</a>.
		g = md.precedingGroup(s)
	case md.hasControl(s) && md.lastHeading(s) != 0:
		// An earlier column (a heading and its own links) is no heading of
		// n: the search ends here, so a footer's legal bar does not take
		// the last column's heading.
	default:
		// A heading inside an earlier list item heads that item only.
		if h := md.lastHeading(s); h != 0 && !md.is(s, atom.Li) {
			g = groupResult{md.headingText(h), true}
		} else {
			g = md.precedingGroup(s)
		}
	}
	info := &md.info[n]
	info.group, info.memo = g, info.memo|memoGroup
	return g
}

func (md *model) headingText(h nodeID) string {
	label, _ := md.accName(h)
	return label
}

// lastHeading is the last heading inside n, memoized.
func (md *model) lastHeading(n nodeID) nodeID {
	if info := &md.info[n]; info.memo&memoHeading != 0 {
		return info.heading
	}
	var last nodeID
	for c := md.nodes[n].last; c != 0 && last == 0; c = md.nodes[c].prev {
		if md.nodes[c].text || md.hiddenByAttrs(c) {
			continue
		}
		if md.isHeading(c) {
			last = c
		} else {
			last = md.lastHeading(c)
		}
	}
	info := &md.info[n]
	info.heading, info.memo = last, info.memo|memoHeading
	return last
}

// copyright finds the texts that carry a copyright mark: each is the
// collapsed text of the smallest element holding the notice.
func (md *model) copyright(root nodeID) []*page.Copyright {
	var out []*page.Copyright
	var seen []nodeID
	var walk func(n nodeID)
	walk = func(n nodeID) {
		for c := md.nodes[n].first; c != 0; c = md.nodes[c].next {
			switch {
			case !md.nodes[c].text:
				if !md.has(c, pSkipText) {
					walk(c)
				}
			case hasCopyrightMark(string(md.bytes(md.nodes[c].data))):
				el := md.noticeElement(n, root)
				if slices.Contains(seen, el) {
					continue
				}
				seen = append(seen, el)
				out = append(out, &page.Copyright{Text: collapse(md.textOf(el)), Pos: md.pos(md.nodes[el].offset())})
			}
		}
	}
	walk(root)
	return out
}

// noticeElement climbs from the element holding a mark while its text is
// the mark alone (<span>©</span> 2024 Contoso).
func (md *model) noticeElement(el, root nodeID) nodeID {
	for el != root && md.element(md.nodes[el].parent) && !hasWords(md.textOf(el)) {
		el = md.nodes[el].parent
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
