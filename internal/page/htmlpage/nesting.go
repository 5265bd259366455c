package htmlpage

import (
	"iter"
	"slices"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

// How a menu's entries nest as a reader sees them: the lists of a list item
// are its first entry's submenu; so is the panel that follows a button or a
// toggling link, or a head block (a link and its toggle), wherever it
// stands. Controls beside an entry are marked, not nested (controls.go);
// lists that repeat a sibling list are marked as copies
// (internal/page/copies.go).

// collect returns the entries in n's subtree, nested.
func (md *model) collect(n nodeID) []*page.Entry {
	from := len(md.gathered)
	md.gatherAll(n)
	return md.gatheredFrom(from)
}

// gatherAll gathers the entries in n's subtree, nested, on md.gathered,
// above those of the levels it stands in. A level's entries are kept in a
// slice of their own only where they are kept (collect); a nested level's
// stay on the stack among its parent's, where slices of their own, grown
// by append at every level of a menu, were a twentieth of what a run on
// the GOV.UK build allocated.
func (md *model) gatherAll(n nodeID) {
	from := len(md.gathered)
	var blocks page.CopyFinder
	var read nodeID // a panel read with the control before it
	for c := range md.nestedChildren(n) {
		if c == read {
			continue
		}
		switch {
		case md.isControl(c):
			e := md.entryOf(c)
			md.gathered = append(md.gathered, e)
			if p := md.panelAfter(c); p != 0 && md.opensPanel(c) {
				md.attach(e, p)
				read = p
			}
		case md.Is(c, atom.Li):
			md.gather(md.item(c))
		default:
			if p := md.panelAfter(c); p != 0 {
				if head := md.headEntries(c); head != nil {
					md.gather(head)
					md.markBack(head[0], p)
					sub := len(md.gathered)
					md.gatherAll(p)
					md.adopt(head[0], md.gathered[sub:])
					md.gathered = md.gathered[:sub]
					read = p
					continue
				}
			}
			md.gatherBlock(c, &blocks)
		}
	}
	page.MarkOverflow(md.gathered[from:])
}

// gather adds entries to those gatherAll gathers; an item's are the ends
// of md's stacks (item), which the stack of entries does not share.
func (md *model) gather(entries []*page.Entry) { md.gathered = append(md.gathered, entries...) }

// gatheredFrom takes the entries gathered from from on off the stack, in
// a slice of their own; nil for none.
func (md *model) gatheredFrom(from int) []*page.Entry {
	var out []*page.Entry
	if len(md.gathered) > from {
		out = slices.Clone(md.gathered[from:])
	}
	md.gathered = md.gathered[:from]
	return out
}

// gatherBlock gathers the entries of a block among its siblings, marking
// them as copies when an earlier sibling block held the same; it returns
// them as they stand on the stack, which its caller leaves there until
// the siblings are gathered (siblings holds them).
func (md *model) gatherBlock(n nodeID, siblings *page.CopyFinder) []*page.Entry {
	from := len(md.gathered)
	md.gatherAll(n)
	got := md.gathered[from:len(md.gathered):len(md.gathered)]
	siblings.Add(got)
	return got
}

// nestedChildren are the element children of n that nesting reads: no
// script, style or template, no menu that the footer's pass has read.
func (md *model) nestedChildren(n nodeID) iter.Seq[nodeID] {
	return func(yield func(nodeID) bool) {
		for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
			if !md.Nodes[c].Text && !md.Has(c, htmltree.SkipText) && !md.collected(c) && !yield(c) {
				return
			}
		}
	}
}

// item returns the entries of list item li: its own controls, the first of
// them (or the first link, when the first is an icon toggle) holding the
// entries of its nested lists and panels as its children; the other own
// controls that only toggle or expand are that entry's controls. An item
// with no control of its own — a column heading — passes its nested
// entries up.
//
// What it returns stands on md's stacks, past their ends, until the next
// item: collect, which asks it, gathers it at once.
func (md *model) item(li nodeID) []*page.Entry {
	s := itemParts{nodes: len(md.itemNodes), sub: len(md.itemSub), gathered: len(md.gathered)}
	defer func() {
		md.itemNodes, md.itemOwn, md.itemSub = md.itemNodes[:s.nodes], md.itemOwn[:s.nodes], md.itemSub[:s.sub]
		md.gathered = md.gathered[:s.gathered]
	}()
	md.split(li, 0, true, &s)
	own, sub := md.own(&s), md.itemSub[s.sub:]
	if len(own) == 0 {
		return sub
	}
	owner := md.itemOwner(&s)
	if owner.Control == page.ControlToggle {
		owner.Control = 0 // the item's own entry, with its submenu or not
	}
	md.labelToggle(owner, md.ownNode(&s, slices.Index(own, owner)))
	for i, e := range own {
		if e != owner && md.toggleLike(md.ownNode(&s, i)) {
			e.Control = page.ControlToggle
		}
	}
	md.adopt(owner, sub)
	return own
}

// itemParts are where a list item's own controls and the entries of its
// lists and panels stand on md's stacks: its own controls' elements in
// md.itemNodes and their entries in md.itemOwn from nodes on, the other
// entries in md.itemSub from sub on (its blocks' on md.gathered from
// gathered on, while the item is split). Items nest, and each leaves the
// stacks as it found them: slices of their own, grown by append for every
// item, were a fiftieth of what a run on the GOV.UK build allocated.
type itemParts struct{ nodes, sub, gathered int }

// own are the item's own controls.
func (md *model) own(s *itemParts) []*page.Entry { return md.itemOwn[s.nodes:] }

// ownNode is the element of the item's own control i.
func (md *model) ownNode(s *itemParts, i int) nodeID { return md.itemNodes[s.nodes+i] }

// split sorts the controls under n into the item's own and its submenu's.
// A control stands in the item's head when it is the first, stands right in
// the list item, or toggles beside the first in a head wrapper (head); the
// controls of a wrapper that follows the first control are the submenu's.
func (md *model) split(n nodeID, depth int, head bool, s *itemParts) {
	var blocks page.CopyFinder
	for c := range md.nestedChildren(n) {
		switch {
		case md.isControl(c):
			if len(md.own(s)) == 0 || depth == 0 || head && md.toggleLike(c) {
				md.itemOwn, md.itemNodes = append(md.itemOwn, md.entryOf(c)), append(md.itemNodes, c)
			} else {
				md.itemSub = append(md.itemSub, md.entryOf(c))
			}
		case md.Has(c, htmltree.List) || md.Is(c, atom.Li):
			got := md.gatherBlock(c, &blocks)
			md.itemSub = append(md.itemSub, got...)
		default:
			md.split(c, depth+1, len(md.own(s)) == 0 || head && md.onlyToggles(c), s)
		}
	}
}

// itemOwner is the entry a list item's submenu belongs to: its first own
// control, unless that is a toggle with no text a reader sees and a link
// follows it.
func (md *model) itemOwner(s *itemParts) *page.Entry {
	own := md.own(s)
	if first := md.ownNode(s, 0); md.navigates(first) || !md.toggleLike(first) || md.showsWords(first) {
		return own[0]
	}
	for i := 1; i < len(own); i++ {
		if md.navigates(md.ownNode(s, i)) {
			return own[i]
		}
	}
	return own[0]
}

// labelToggle gives a toggle that shows no text of its own the text of the
// label right before it, which a reader takes for the entry's name:
// <span>Topics</span><button aria-label="Toggle navigation">▸</button>.
func (md *model) labelToggle(e *page.Entry, n nodeID) {
	if e.Text() != "" || !md.toggleLike(n) || md.showsWords(n) {
		return
	}
	if text := md.siblingHeading(n); text != "" && text != e.Label {
		r := e.RareFields()
		r.Text = text
		e.SetRare(r)
	}
}

// attach makes the entries of panel the submenu of the toggle e that
// stands before it, and leaves on the stack of gathered entries what stays
// at e's level: nothing, or — when e opens the whole menu (a "Menu" button
// before the menu's list) — the panel's entries, e being the menu's
// control.
func (md *model) attach(e *page.Entry, panel nodeID) {
	md.markBack(e, panel)
	from := len(md.gathered)
	md.gatherAll(panel)
	if md.opensWholeMenu(e, panel) {
		e.Control = page.ControlToggle
		return
	}
	md.adopt(e, md.gathered[from:])
	md.gathered = md.gathered[:from]
}

// adopt makes entries the children of owner (once each). An owner with a
// submenu is an entry, whatever it was taken for alone; a button that opens
// one is a toggle; a first child named after the owner is the panel's back
// button. In the footer's pass nothing nests: its items stay flat.
func (md *model) adopt(owner *page.Entry, entries []*page.Entry) {
	if len(entries) == 0 {
		return
	}
	if !md.regionPass {
		// Set once: each SetChildren makes the owner's rare fields anew.
		children := owner.Children()
		had := len(children)
		for _, e := range entries {
			if e != owner && !slices.Contains(children, e) {
				if children == nil {
					children = make([]*page.Entry, 0, len(entries))
				}
				children = append(children, e)
			}
		}
		if len(children) > had {
			owner.SetChildren(children)
		}
	}
	if owner.Control == page.ControlToggle {
		owner.Control = 0
	}
	if owner.Kind == page.KindButton {
		owner.Kind = page.KindToggle
	}
	if first := entries[0]; first != owner && first.Control == 0 && first.Kind != page.KindLink && page.SameWords(first.Name(), owner.Name()) {
		first.Control = page.ControlClose
	}
}

// markBack marks the first control of the panel that owner opens as the
// panel's back button when it is named after owner ("‹ Recipes" in the
// panel of "Recipes"), before the panel is read: it opens nothing.
func (md *model) markBack(owner *page.Entry, panel nodeID) {
	if c := md.firstInside(panel, md.isControl); c != 0 && md.toggleLike(c) && !md.navigates(c) {
		if e := md.entryOf(c); e.Control == 0 && page.SameWords(e.Name(), owner.Name()) {
			e.Control = page.ControlClose
		}
	}
}

// nestRegion reads the footer as collect reads a menu, for what nesting
// tells of its controls (toggles beside entries, back buttons, copies);
// its items stay flat, and its menus are read already.
func (md *model) nestRegion(n nodeID) {
	if md.locate(n); md.infoOf(n).in&inMenu != 0 {
		return
	}
	md.root, md.regionPass = n, true
	from := len(md.gathered)
	md.gatherAll(n)
	md.gathered = md.gathered[:from]
	md.root, md.regionPass = 0, false
}

// panelAfter is the element right after n, when it is a list or a panel
// (an element holding controls, not itself one); 0 otherwise.
func (md *model) panelAfter(n nodeID) nodeID {
	s := md.Nodes[n].Next
	for s != 0 && md.Nodes[s].Text {
		if !htmltree.IsSpace(md.Bytes(md.Nodes[s].Data)) {
			return 0
		}
		s = md.Nodes[s].Next
	}
	switch {
	case s == 0 || md.isControl(s) || md.Is(s, atom.Li) || md.isHeading(s) || md.Has(s, htmltree.SkipText) || md.collected(s):
		return 0
	case md.Has(s, htmltree.List) || md.hasControl(s):
		return s
	}
	return 0
}

// headEntries are the entries of a head block before a panel: one entry
// and the toggles beside it (<div><a>Show A</a><button aria-labelledby>
// </div><div>…panel…</div>), the entry first; nil when the block is none:
// a list, more than a few controls, two entries, or a lone link that does
// not say it opens anything (a logo before the menu's list).
func (md *model) headEntries(block nodeID) []*page.Entry {
	nodes := md.headNodes[:0]
	ok := md.headControls(block, &nodes)
	md.headNodes = nodes
	if !ok || len(nodes) == 0 {
		return nil
	}
	owner := 0
	for i, n := range nodes {
		if md.navigates(n) {
			owner = i
			break
		}
	}
	for i, n := range nodes {
		if i != owner && !md.toggleLike(n) {
			return nil
		}
	}
	if len(nodes) == 1 && !md.opensPanel(nodes[0]) || !md.isEntry(nodes[owner]) {
		return nil
	}
	out := []*page.Entry{md.entryOf(nodes[owner])}
	for i, n := range nodes {
		if i != owner {
			e := md.entryOf(n)
			e.Control = page.ControlToggle
			out = append(out, e)
		}
	}
	return out
}

// maxHeadControls bounds the controls of a head block: an entry, its
// toggle, perhaps an icon link.
const maxHeadControls = 3

// headControls gathers the controls of a head block; false when it holds a
// list or more controls than a head has.
func (md *model) headControls(n nodeID, nodes *[]nodeID) bool {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		switch {
		case md.Nodes[c].Text || md.Has(c, htmltree.SkipText):
		case md.Has(c, htmltree.List) || md.Is(c, atom.Li):
			return false
		case md.isControl(c):
			if *nodes = append(*nodes, c); len(*nodes) > maxHeadControls {
				return false
			}
		case !md.headControls(c, nodes):
			return false
		}
	}
	return true
}

// opensPanel: control n may open the panel after it — it acts rather than
// leads somewhere, and is no close, skip or form button.
func (md *model) opensPanel(n nodeID) bool {
	return md.toggleLike(n) && md.isEntry(n)
}

// isEntry: control n was not found to be a close, skip or form control.
func (md *model) isEntry(n nodeID) bool {
	c := md.entryOf(n).Control
	return c == 0 || c == page.ControlToggle
}

// onlyToggles: n holds a toggle or two and nothing else a reader would
// take for entries (<span class="more"><button>▾</button></span>).
func (md *model) onlyToggles(n nodeID) bool {
	nodes := md.headNodes[:0]
	ok := md.headControls(n, &nodes)
	md.headNodes = nodes
	if !ok || len(nodes) == 0 || len(nodes) > 2 {
		return false
	}
	for _, c := range nodes {
		if !md.toggleLike(c) {
			return false
		}
	}
	return true
}

// opensWholeMenu: e is the menu's own toggle ("Menu", "☰") and panel holds
// most of the menu: its entries stay the menu's top level.
func (md *model) opensWholeMenu(e *page.Entry, panel nodeID) bool {
	if md.root == 0 || !page.IsMenuToggleName(e.Name()) {
		return false
	}
	return 2*md.countControls(panel) > md.countControls(md.root)
}

// countControls counts the controls inside n.
func (md *model) countControls(n nodeID) int {
	count := 0
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if md.Nodes[c].Text || md.Has(c, htmltree.SkipText) {
			continue
		}
		if md.isControl(c) {
			count++
		}
		count += md.countControls(c)
	}
	return count
}

// collected: n is a menu that a region's pass meets, read already.
func (md *model) collected(n nodeID) bool {
	return md.regionPass && md.chosenMenu(n)
}

// chosenMenu: n is the element of one of the page's menus.
func (md *model) chosenMenu(n nodeID) bool {
	for i := int(md.infoOf(n).cand) - 1; i >= 0 && md.cands[i].node == n; i-- {
		if slices.Contains(md.menus, i) {
			return true
		}
	}
	return false
}

// hasControl: a link or button inside n.
func (md *model) hasControl(n nodeID) bool {
	for c := md.Nodes[n].First; c != 0; c = md.Nodes[c].Next {
		if !md.Nodes[c].Text && (md.controlKind(c) != 0 || md.hasControl(c)) {
			return true
		}
	}
	return false
}

// opensSubmenu: a button that says it controls a popup, or stands before a
// list or panel of further controls in its list item.
func (md *model) opensSubmenu(n nodeID) bool {
	for _, k := range []atom.Atom{htmltree.AttrAriaExpanded, htmltree.AttrAriaHaspopup, htmltree.AttrAriaControls} {
		if v, ok := md.Attr(n, k); ok && string(v) != "false" {
			return true
		}
	}
	for s := md.Nodes[n].Next; s != 0; s = md.Nodes[s].Next {
		if !md.Nodes[s].Text && (md.Has(s, htmltree.List) || md.hasControl(s)) {
			p := md.Nodes[n].Parent
			return md.Is(p, atom.Li) || md.Is(p, atom.Details)
		}
	}
	return false
}
