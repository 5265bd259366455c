// Package htmltree builds the tree of an HTML page the way browsers do, in
// one pass of x/net/html's tokenizer (build.go): implied end tags,
// misnested formatting elements, tables, templates, foreign content
// (treecons.go, formatting.go, tables.go). The tree lives in an arena
// that is reused from page to page (tree.go); what the tree does not keep —
// each start tag as written, comments — a Watcher hears on the way.
// htmlpage reads the page model off the tree.
package htmltree

import (
	"bytes"
	"encoding/binary"
	"reflect"

	"golang.org/x/net/html/atom"
)

// The page's tree lives in an arena that the Builder reuses from page to
// page: nodes refer to each other by index, and tag names, attribute values
// and text are spans of the page's own bytes or, where the tokenizer would
// change them (character references, carriage returns), of one byte buffer.
// No node holds a pointer, so the collector has nothing to scan, and
// nothing of the tree outlives the parse.

// NodeID indexes Tree.Nodes. Node 0 is the document; in a link field, 0
// means none.
type NodeID int32

// Namespace is an element's: HTML, SVG or MathML.
type Namespace uint8

const (
	NSHTML Namespace = iota
	NSSVG
	NSMath
)

// Span is a range of the page's bytes, or (from len(Tree.Page) on) of
// the tree's buffer (Tree.Bytes reads either).
type Span struct{ From, To int32 }

// Node is an element or a text node.
type Node struct {
	Parent, First, Last, Prev, Next NodeID

	Atom  atom.Atom // 0 for a name of no atom
	Props Props     // the classes of an HTML element
	NS    Namespace
	Text  bool // a text node: Data is its text
	open  bool // on the stack of open elements
	// SpaceAfter: white space alone followed the element, and makes no
	// node (Builder.addText); a reader of text reads a space there. Only
	// a closed element has it, so it moves with the element when the
	// adoption agency moves a block's children (moveChildren).
	SpaceAfter bool
	Data       Span   // an element's tag name as read (lower case), or the text
	Attrs      Span   // a range of Tree.Attrs
	Flags      uint16 // the flagged attributes it has: see FlagOf
	Off        int32  // see Offset
	// Elem numbers the elements from 1 (Tree.Elements), in the order they
	// were made; 0 for a text node and the document. A reader keeps what it
	// learns of each element in a list indexed by it: a page's text nodes,
	// about half its nodes, take no room there, and no pass over the nodes
	// numbers them (each a cache line read again on a large page).
	Elem int32
}

// Offset is where the start tag of an element begins in the source; -1 for
// an element no tag of the page started (an implied tbody). A copy of a
// formatting element that the parser reopens keeps its original's offset.
func (n *Node) Offset() int { return int(n.Off) }

// Attr is an attribute: its name as an atom (see AttrRole), its name as
// read when that is no atom of x/net/html's table, and its value.
type Attr struct {
	Key       atom.Atom
	Name, Val Span
}

// attrName is the name of attribute a.
func (t *Tree) AttrName(a Attr) string {
	if a.Key != 0 && a.Key < AttrRole {
		return a.Key.String()
	}
	return string(t.Bytes(a.Name))
}

// Attribute names are kept as atoms: those of x/net/html's table, and the
// few more htmlpage asks for, which get atoms of their own.
const (
	AttrRole atom.Atom = 1<<31 + iota
	AttrEncoding
	AttrAriaLabel
	AttrAriaLabelledBy
	AttrAriaHidden
	AttrAriaExpanded
	AttrAriaHaspopup
	AttrAriaControls
)

var extraAttrs = []string{"role", "encoding", "aria-label", "aria-labelledby", "aria-hidden",
	"aria-expanded", "aria-haspopup", "aria-controls"}

// attrAtomName is the atom of an attribute name and the name as a string
// of its table ("" for none).
func attrAtomName(name []byte) (atom.Atom, string) {
	if a := atom.Lookup(name); a != 0 {
		return a, a.String()
	}
	for i, s := range extraAttrs {
		if string(name) == s {
			return AttrRole + atom.Atom(i), s
		}
	}
	return 0, ""
}

// atomCache remembers the atoms of the names a page repeats (div, a, li,
// class, href …), and that the names of no atom (circle, data-module …)
// have none: hashing each name again (atom.Lookup) cost a fortieth of a
// run. A name is found by its first eight bytes, read as one number (see
// prefix), and its length: few names have more bytes to compare.
type atomCache [64]atomEntry

type atomEntry struct {
	prefix uint64
	rest   string // the name's bytes past the eighth
	len    int
	atom   atom.Atom
}

// get is the atom lookup gives name, remembered; lookup gives the atom and
// its name, "" for none.
func (c *atomCache) get(name []byte, lookup func([]byte) (atom.Atom, string)) atom.Atom {
	k := prefix(name)
	if e := c.slot(k); e.holds(name, k) {
		return e.atom
	}
	return c.miss(name, k, lookup)
}

// slot is where the name of prefix k is remembered.
func (c *atomCache) slot(k uint64) *atomEntry { return &c[(k*0x9E3779B97F4A7C15)>>58] }

// holds: e remembers name, of prefix k.
func (e *atomEntry) holds(name []byte, k uint64) bool {
	return e.len == len(name) && e.prefix == k && (len(name) <= 8 || e.rest == string(name[8:]))
}

// miss looks name, of prefix k, up and remembers it.
func (c *atomCache) miss(name []byte, k uint64, lookup func([]byte) (atom.Atom, string)) atom.Atom {
	a, s := lookup(name)
	e := c.slot(k)
	e.prefix, e.len, e.atom, e.rest = k, len(name), a, ""
	switch {
	case len(name) <= 8:
	case s != "":
		e.rest = s[8:]
	default:
		e.rest = string(name[8:])
	}
	return a
}

// prefix is the first eight bytes of name (fewer when it is shorter) as a
// number. A name is a slice of the page or of a buffer, so the eight bytes
// are mostly there to read at once, past its end; those are masked off.
func prefix(name []byte) uint64 {
	if cap(name) < 8 {
		return shortPrefix(name)
	}
	return binary.LittleEndian.Uint64(name[:8]) & (^uint64(0) >> (64 - 8*min(len(name), 8)))
}

func shortPrefix(name []byte) uint64 {
	var k uint64
	for i := len(name) - 1; i >= 0; i-- {
		k = k<<8 | uint64(name[i])
	}
	return k
}

// tagAtom is atom.Lookup(name) and its name.
func tagAtom(name []byte) (atom.Atom, string) {
	a := atom.Lookup(name)
	if a == 0 {
		return 0, ""
	}
	return a, a.String()
}

// FlagOf is the bit of Node.Flags that says an element has attribute k:
// the attributes a reader of the tree asks every element for (id, role,
// aria-*) are flagged, so that asking an element for one it lacks costs
// nothing. 0 for the others.
func FlagOf(k atom.Atom) uint16 {
	switch {
	case k >= AttrRole && k < AttrRole+15:
		return 1 << (k - AttrRole)
	case k == atom.Id:
		return 1 << 15
	}
	return 0
}

// Tree is the arena: the nodes, their attributes, the page.
type Tree struct {
	Nodes    []Node
	Attrs    []Attr
	Page     []byte
	Elements int32 // the number of elements: see Node.Elem
	buf      []byte
}

// clearFor empties the tree for page, keeping the arena.
func (t *Tree) clearFor(page []byte) {
	t.reserve(page)
	t.Nodes = append(t.Nodes[:0], Node{Off: -1}) // the document
	t.Attrs, t.Elements = t.Attrs[:0], 0
	t.Page, t.buf = page, t.buf[:0]
}

// reserveFrom is the size of page from which the arena is sized from the
// page's bytes before the parse. Below it, counting the tags costs more
// than the few copies of a growing arena: a pass over every page of a site
// whose pages are tens of kilobytes, where the arena a worker keeps mostly
// fits already.
const reserveFrom = 1 << 20

// reserve sizes the arena of a large page from its bytes: a start tag makes
// at most one element, and the text up to the next tag at most one text
// node — none when it is white space after an end tag (see addText); an
// "=" is at most one attribute with a value. Grown by append instead, the
// arena of a page of many megabytes would be copied a dozen times, and the
// copies, four times the final arena, left to the collector while the
// page's model is built (docs/BENCHMARKS.md). A page beyond the estimate
// grows as before.
func (t *Tree) reserve(page []byte) {
	if len(page) < reserveFrom {
		return
	}
	nodes, textFrom, afterStart := 8, 0, true
	for i := 0; ; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(page) {
			break
		}
		start := 'a' <= page[i]|0x20 && page[i]|0x20 <= 'z'
		if !start && page[i] != '/' {
			continue // no tag: the text goes on
		}
		if text := page[textFrom : i-1]; len(text) > 0 && (afterStart || !IsSpace(text)) {
			nodes++ // the text before the tag
		}
		if start {
			nodes++
		}
		afterStart = start
		if k := bytes.IndexByte(page[i:], '>'); k >= 0 {
			textFrom, i = i+k+1, i+k+1
		} else {
			textFrom = i
		}
	}
	if cap(t.Nodes) < nodes {
		t.Nodes = make([]Node, 0, nodes)
	}
	if n := bytes.Count(page, []byte{'='}); cap(t.Attrs) < n {
		t.Attrs = make([]Attr, 0, n)
	}
}

var (
	nodeSize = int(reflect.TypeFor[Node]().Size())
	attrSize = int(reflect.TypeFor[Attr]().Size())
)

// ArenaBytes is the size of the tree's arena.
func (t *Tree) ArenaBytes() int {
	return cap(t.Nodes)*nodeSize + cap(t.Attrs)*attrSize + cap(t.buf)
}

// save copies b into the buffer.
func (t *Tree) save(b []byte) Span {
	from := len(t.Page) + len(t.buf)
	t.buf = append(t.buf, b...)
	return Span{int32(from), int32(from + len(b))}
}

func (t *Tree) Bytes(s Span) []byte {
	if n := int32(len(t.Page)); s.From >= n {
		return t.buf[s.From-n : s.To-n]
	}
	return t.Page[s.From:s.To]
}

// element reports whether id is an element node (not the document, not
// text).
func (t *Tree) Element(id NodeID) bool { return id > 0 && !t.Nodes[id].Text }

// name is the tag name of an element.
func (t *Tree) Name(id NodeID) string {
	n := &t.Nodes[id]
	if n.Atom != 0 {
		return n.Atom.String()
	}
	return string(t.Bytes(n.Data))
}

// nameIs reports whether element id is named s.
func (t *Tree) NameIs(id NodeID, s string) bool {
	n := &t.Nodes[id]
	if n.Atom != 0 {
		return n.Atom.String() == s
	}
	return string(t.Bytes(n.Data)) == s
}

// is reports whether id is the HTML element a.
func (t *Tree) Is(id NodeID, a atom.Atom) bool { return id > 0 && t.Nodes[id].Is(a) }

// Is reports whether n is an HTML element of atom a: a reader that holds
// the node asks it so, not by its id again.
func (n *Node) Is(a atom.Atom) bool { return n.Atom == a && n.NS == NSHTML && !n.Text }

// has reports whether id is an HTML element of class p.
func (t *Tree) Has(id NodeID, p Props) bool {
	n := &t.Nodes[id]
	return id > 0 && n.Props&p != 0 && n.NS == NSHTML
}

// attr returns the value of attribute k of element id.
func (t *Tree) Attr(id NodeID, k atom.Atom) ([]byte, bool) {
	n := &t.Nodes[id]
	if bit := FlagOf(k); bit != 0 && n.Flags&bit == 0 {
		return nil, false
	}
	return t.AttrIn(n.Attrs, k)
}

func (t *Tree) AttrIn(s Span, k atom.Atom) ([]byte, bool) {
	v, ok := t.AttrSpan(s, k)
	return t.Bytes(v), ok
}

// AttrNamed returns the value of the attribute named name (one that is no
// atom) among the attributes s.
func (t *Tree) AttrNamed(s Span, name string) ([]byte, bool) {
	for _, a := range t.Attrs[s.From:s.To] {
		if a.Key == 0 && string(t.Bytes(a.Name)) == name {
			return t.Bytes(a.Val), true
		}
	}
	return nil, false
}

// attrSpan is where the value of attribute k is among the attributes s.
func (t *Tree) AttrSpan(s Span, k atom.Atom) (Span, bool) {
	for _, a := range t.Attrs[s.From:s.To] {
		if a.Key == k {
			return a.Val, true
		}
	}
	return Span{}, false
}

// sameAttrs: a and b carry the same attributes, in any order.
func (t *Tree) sameAttrs(a, b NodeID) bool {
	as, bs := t.Attrs[t.Nodes[a].Attrs.From:t.Nodes[a].Attrs.To], t.Attrs[t.Nodes[b].Attrs.From:t.Nodes[b].Attrs.To]
	if len(as) != len(bs) {
		return false
	}
	for _, x := range as {
		found := false
		for _, y := range bs {
			if x.Key == y.Key && t.AttrName(x) == t.AttrName(y) && bytes.Equal(t.Bytes(x.Val), t.Bytes(y.Val)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (t *Tree) appendChild(parent, child NodeID) {
	p, c := &t.Nodes[parent], &t.Nodes[child]
	c.Parent, c.Prev, c.Next = parent, p.Last, 0
	if p.Last != 0 {
		t.Nodes[p.Last].Next = child
	} else {
		p.First = child
	}
	p.Last = child
}

// insertBefore inserts child into parent before ref (at the end when ref
// is 0).
func (t *Tree) insertBefore(parent, child, ref NodeID) {
	if ref == 0 {
		t.appendChild(parent, child)
		return
	}
	c, r := &t.Nodes[child], &t.Nodes[ref]
	c.Parent, c.Prev, c.Next = parent, r.Prev, ref
	if r.Prev != 0 {
		t.Nodes[r.Prev].Next = child
	} else {
		t.Nodes[parent].First = child
	}
	r.Prev = child
}

func (t *Tree) detach(child NodeID) {
	c := &t.Nodes[child]
	if c.Parent == 0 && t.Nodes[0].First != child {
		return
	}

	p := &t.Nodes[c.Parent]
	if c.Prev != 0 {
		t.Nodes[c.Prev].Next = c.Next
	} else {
		p.First = c.Next
	}
	if c.Next != 0 {
		t.Nodes[c.Next].Prev = c.Prev
	} else {
		p.Last = c.Prev
	}
	c.Parent, c.Prev, c.Next = 0, 0, 0
}

// moveChildren moves every child of src to the end of dst.
func (t *Tree) moveChildren(dst, src NodeID) {
	for c := t.Nodes[src].First; c != 0; {
		next := t.Nodes[c].Next
		t.detach(c)
		t.appendChild(dst, c)
		c = next
	}
}

// addText appends text to parent before ref (at the end when ref is 0),
// joining it to a text node right before, as the parser does. The text
// stands at offset at of the page, or (at < 0) is copied.
func (t *Tree) addText(parent, ref NodeID, text []byte, at int) {
	prev := t.Nodes[parent].Last
	if ref != 0 {
		prev = t.Nodes[ref].Prev
	}
	if prev != 0 && t.Nodes[prev].Text {
		p := &t.Nodes[prev]
		if at >= 0 && int(p.Data.To) == at { // the page's next bytes
			p.Data.To += int32(len(text))
			return
		}
		if int(p.Data.To) != len(t.Page)+len(t.buf) { // move it to the end of the buffer
			p.Data = t.save(t.Bytes(p.Data))
		}
		p.Data.To = t.save(text).To
		return
	}
	data := Span{int32(at), int32(at + len(text))}
	if at < 0 {
		data = t.save(text)
	}
	id := NodeID(len(t.Nodes))
	t.Nodes = append(t.Nodes, Node{})
	nd := &t.Nodes[id] // written in place: a literal is built beside and copied
	nd.Text, nd.Data, nd.Off = true, data, -1
	if ref == 0 {
		t.appendChild(parent, id) // inlined, as insertBefore is not
	} else {
		t.insertBefore(parent, id, ref)
	}
}

// IsRoot: n is html, head or body, the elements that frame every page.
func (t *Tree) IsRoot(n NodeID) bool { return t.Nodes[n].IsRoot() }

// IsRoot is Tree.IsRoot of a node its reader holds.
func (n *Node) IsRoot() bool {
	switch n.Atom {
	case atom.Html, atom.Head, atom.Body:
		return true
	}
	return false
}
