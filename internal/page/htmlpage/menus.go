package htmlpage

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// How menus are read: their names, the nesting of their entries, the group
// each entry stands in, toggles and icons.

// isControl: n is a link or button of the page (it has an entry).
func (md *model) isControl(n nodeID) bool { return md.infoOf(n).entry != 0 }

// menu makes the model of the menu candidate c.
func (md *model) menu(c candidate) *page.Menu {
	n := c.node
	m := &page.Menu{Name: c.name, Selector: md.paths.Path(n), Region: md.landmarkRegion(n),
		Pos: md.pos(md.Nodes[n].Offset())}
	if !c.named {
		m.Name = md.menuName(n)
	}
	md.root = n
	m.Entries = md.collect(n)
	md.root = 0
	if m.Entries == nil {
		m.Entries = []*page.Entry{}
	}
	return m
}

// menuName: aria-label, else the text of aria-labelledby, else the first
// heading inside.
func (md *model) menuName(n nodeID) string {
	if name := md.names.AriaName(n); name != "" {
		return name
	}
	if first := md.firstHeading(n); first != 0 {
		label, _ := md.names.Name(first)
		return label
	}
	return ""
}

// firstHeading is the first heading inside n, in document order.
func (md *model) firstHeading(n nodeID) nodeID { return md.firstInside(n, md.isHeading) }

// firstInside is the first element inside n, in document order, that is
// one; 0 if none. Scripts, styles and templates hold none.
func (md *model) firstInside(n nodeID, is func(nodeID) bool) nodeID {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if md.Nodes[c].Text || md.Has(c, htmltree.SkipText) {
			continue
		}
		if is(c) {
			return c
		}
		if f := md.firstInside(c, is); f != 0 {
			return f
		}
	}
	return 0
}

func (md *model) isHeading(n nodeID) bool {
	if md.Has(n, htmltree.Heading) {
		return true
	}
	role, _ := md.Attr(n, htmltree.AttrRole)
	return page.EqualFoldASCII(bytes.TrimSpace(role), "heading")
}

// icon finds an img or svg inside n or as the element right before it.
func (md *model) icon(n nodeID) (bool, string) {
	if found, label := md.firstIcon(n); found {
		return true, label
	}
	for s := md.Nodes[n].Prev; s != 0; s = md.Nodes[s].Prev {
		if !md.Nodes[s].Text {
			return md.iconNode(s)
		}
		if !htmltree.IsSpace(md.Bytes(md.Nodes[s].Data)) {
			return false, ""
		}
	}
	return false, ""
}

// firstIcon is the first icon inside n, in document order.
func (md *model) firstIcon(n nodeID) (bool, string) {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if md.Nodes[c].Text {
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
	case md.Is(n, atom.Img):
		alt, _ := md.Attr(n, atom.Alt)
		return true, page.CleanLabel(string(alt))
	case md.names.IsSVG(n):
		return true, md.names.SVGTitle(n)
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
	return md.groupAbove(md.Nodes[n].Parent, root)
}

// groupAt is the group one element cur gives, found or not; self says cur
// is the entry itself, which its own aria name does not head.
func (md *model) groupAt(cur, root nodeID, self bool) (string, bool) {
	if cur == root || !md.Element(cur) {
		return "", true // the search ends
	}
	if !self && (md.Has(cur, htmltree.List) || md.Is(cur, atom.Nav)) {
		if name := md.names.AriaName(cur); name != "" {
			return name, true
		}
	}
	if !self && !md.Is(cur, atom.Li) {
		if text := md.siblingHeading(cur); text != "" {
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
	info := md.infoOf(cur)
	if info.memo&memoAbove != 0 {
		return md.texts[info.above]
	}
	text, ok := md.groupAt(cur, root, false)
	if !ok {
		text = md.groupAbove(md.Nodes[cur].Parent, root)
	}
	info = md.infoOf(cur)
	info.above, info.memo = md.keepText(text), info.memo|memoAbove
	return text
}

// siblingHeading is the plain text that heads a list or panel from right
// before it: a short text element with no control in it — <li
// class="heading">about</li><ul>…, <div class="title">Style</div><ul>…,
// <span>Software</span><ul>… in a list item, <div>Explore</div><div
// class="panel">…. A control or a heading before it ends the search (a
// control opens the panel; a heading is precedingGroup's), and so does a
// sentence or a copyright notice.
func (md *model) siblingHeading(n nodeID) string {
	for s := md.Nodes[n].Prev; s != 0; s = md.Nodes[s].Prev {
		if md.Nodes[s].Text || md.names.HiddenByAttrs(s) || md.Has(s, htmltree.SkipText) {
			continue
		}
		if md.isHeading(s) || md.isControl(s) || md.hasControl(s) || md.lastHeading(s) != 0 {
			return ""
		}
		text, ok := md.shortText(s)
		switch {
		case !ok || strings.HasSuffix(text, ".") || page.HasCopyrightMark(text):
			return "" // a sentence or a notice, not a title
		case text != "":
			return text
		}
	}
	return ""
}

// maxHeadingText bounds the text that heads a list: a title, not a
// paragraph.
const maxHeadingText = 80

// shortText is the collapsed text of n, when it is short enough for a
// heading (false when it is not).
func (md *model) shortText(n nodeID) (string, bool) {
	var b []byte
	var walk func(nodeID) bool
	walk = func(n nodeID) bool {
		for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
			switch {
			case md.Nodes[c].Text:
				if b = append(b, md.Bytes(md.Nodes[c].Data)...); len(b) > 4*maxHeadingText {
					return false
				}
			case md.Has(c, htmltree.SkipText) || md.names.HiddenByAttrs(c):
			case md.Has(c, htmltree.Blockish):
				b = append(b, ' ')
				if !walk(c) {
					return false
				}
				b = append(b, ' ')
			case !walk(c):
				return false
			}
			if md.Nodes[c].SpaceAfter {
				b = append(b, ' ')
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	text := string(page.CleanLabelInPlace(b))
	if utf8.RuneCountInString(text) > maxHeadingText {
		return "", false
	}
	return text, true
}

// precedingGroup is the nearest heading among the preceding siblings of n
// (or inside them, but for list items), memoized along the sibling chain.
func (md *model) precedingGroup(n nodeID) groupResult {
	if info := md.infoOf(n); info.memo&memoGroup != 0 {
		return groupResult{md.texts[info.group], info.memo&memoGroupFound != 0}
	}
	var g groupResult
	s := md.Nodes[n].Prev
	for s != 0 && (md.Nodes[s].Text || md.names.HiddenByAttrs(s)) {
		s = md.Nodes[s].Prev
	}
	switch {
	case s == 0:
	case md.isHeading(s):
		g = groupResult{md.headingText(s), true}
	case md.controlKind(s) != 0:
		// A run of links under one heading: <h3>A</h3><a>1</a><a>2</a>.
		g = md.precedingGroup(s)
	case md.hasControl(s) && md.lastHeading(s) != 0:
		// An earlier column (a heading and its own links) is no heading of
		// n: the search ends here, so a footer's legal bar does not take
		// the last column's heading.
	default:
		// A heading inside an earlier list item heads that item only.
		if h := md.lastHeading(s); h != 0 && !md.Is(s, atom.Li) {
			g = groupResult{md.headingText(h), true}
		} else {
			g = md.precedingGroup(s)
		}
	}
	info := md.infoOf(n)
	info.group, info.memo = md.keepText(g.text), info.memo|memoGroup
	if g.found {
		info.memo |= memoGroupFound
	}
	return g
}

func (md *model) headingText(h nodeID) string {
	label, _ := md.names.Name(h)
	return label
}

// lastHeading is the last heading inside n, memoized.
func (md *model) lastHeading(n nodeID) nodeID {
	if info := md.infoOf(n); info.memo&memoHeading != 0 {
		return info.heading
	}
	var last nodeID
	for c := md.Nodes[n].Last; c != 0 && last == 0; c = md.Nodes[c].Prev {
		if md.Nodes[c].Text || md.names.HiddenByAttrs(c) {
			continue
		}
		if md.isHeading(c) {
			last = c
		} else {
			last = md.lastHeading(c)
		}
	}
	info := md.infoOf(n)
	info.heading, info.memo = last, info.memo|memoHeading
	return last
}
