package htmlpage

import (
	"bytes"

	"golang.org/x/net/html/atom"
)

// The page's tree lives in an arena that the builder reuses from page to
// page: nodes refer to each other by index, and tag names, attribute values
// and text are spans of the page's own bytes or, where the tokenizer would
// change them (character references, carriage returns), of one byte buffer.
// No node holds a pointer, so the collector has nothing to scan, and
// nothing of the tree outlives the parse.

// nodeID indexes tree.nodes. Node 0 is the document; in a link field, 0
// means none.
type nodeID int32

type namespace uint8

const (
	nsHTML namespace = iota
	nsSVG
	nsMath
)

// span is a range of the page's bytes, or (from len(tree.page) on) of
// tree.buf.
type span struct{ from, to int32 }

type node struct {
	parent, first, last, prev, next nodeID

	atom  atom.Atom
	props props
	ns    namespace
	text  bool   // a text node: data is its text
	open  bool   // on the stack of open elements
	data  span   // an element's tag name as read (lower case), or the text
	attrs span   // a range of tree.attrs
	asked uint16 // see askedBit
	off   int32
}

// offset is where the start tag of an element begins in the source; -1 for
// an element no tag of the page started (an implied tbody). A copy of a
// formatting element that the parser reopens keeps its original's offset.
func (n *node) offset() int { return int(n.off) }

type attr struct {
	key       atom.Atom // see attrAtomName
	name, val span      // the name is kept when key is not of x/net/html's table
}

// attrName is the name of attribute a.
func (t *tree) attrName(a attr) string {
	if a.key != 0 && a.key < attrRole {
		return a.key.String()
	}
	return string(t.bytes(a.name))
}

// Attribute names are kept as atoms: those of x/net/html's table, and the
// few more the model asks for, which get atoms of their own.
const (
	attrRole atom.Atom = 1<<31 + iota
	attrEncoding
	attrAriaLabel
	attrAriaLabelledBy
	attrAriaHidden
	attrAriaExpanded
	attrAriaHaspopup
	attrAriaControls
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
			return attrRole + atom.Atom(i), s
		}
	}
	return 0, ""
}

// atomCache remembers the atoms of the names a page repeats (div, a, li,
// class, href …), by their first byte and length: hashing each name
// again (atom.Lookup) cost a fortieth of a run.
type atomCache [64]struct {
	name string
	atom atom.Atom
}

// get is the atom lookup gives name, remembered; lookup gives the atom and
// its name, "" for none, which is not remembered.
func (c *atomCache) get(name []byte, lookup func([]byte) (atom.Atom, string)) atom.Atom {
	if len(name) == 0 {
		return 0
	}
	e := &c[(int(name[0])*8+len(name))%len(c)]
	if e.name == string(name) {
		return e.atom
	}
	a, s := lookup(name)
	if s != "" {
		e.name, e.atom = s, a
	}
	return a
}

// tagAtom is atom.Lookup(name) and its name.
func tagAtom(name []byte) (atom.Atom, string) {
	a := atom.Lookup(name)
	if a == 0 {
		return 0, ""
	}
	return a, a.String()
}

// askedBit is the bit of node.asked that says an element has attribute k:
// the attributes the model asks every element for (id, role, aria-*) are
// flagged, so that asking an element for one it lacks costs nothing. 0
// for the others.
func askedBit(k atom.Atom) uint16 {
	switch {
	case k >= attrRole && k < attrRole+15:
		return 1 << (k - attrRole)
	case k == atom.Id:
		return 1 << 15
	}
	return 0
}

// tree is the arena.
type tree struct {
	nodes []node
	attrs []attr
	page  []byte
	buf   []byte
}

func (t *tree) reset(page []byte) {
	t.reserve(page)
	t.nodes = append(t.nodes[:0], node{off: -1}) // the document
	t.attrs = t.attrs[:0]
	t.page, t.buf = page, t.buf[:0]
}

// reserveFrom is the size of page from which the arena is sized from the
// page's bytes before the parse.
const reserveFrom = 64 << 10

// reserve sizes the arena of a large page from its bytes: a start tag makes
// at most one element and the text up to the next tag, an "=" is at most
// one attribute with a value. Grown by append instead, the arena of a page
// of many megabytes would be copied a dozen times, and the copies, four
// times the final arena, left to the collector while the page's model is
// built (docs/BENCHMARKS.md). A page beyond the estimate grows as before.
func (t *tree) reserve(page []byte) {
	if len(page) < reserveFrom {
		return
	}
	tags := 0
	for i := 0; ; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		if i += j + 1; i < len(page) && ('a' <= page[i]|0x20 && page[i]|0x20 <= 'z') {
			tags++
		}
	}
	if n := 2*tags + 8; cap(t.nodes) < n {
		t.nodes = make([]node, 0, n)
	}
	if n := bytes.Count(page, []byte{'='}); cap(t.attrs) < n {
		t.attrs = make([]attr, 0, n)
	}
}

// save copies b into the buffer.
func (t *tree) save(b []byte) span {
	from := len(t.page) + len(t.buf)
	t.buf = append(t.buf, b...)
	return span{int32(from), int32(from + len(b))}
}

func (t *tree) bytes(s span) []byte {
	if n := int32(len(t.page)); s.from >= n {
		return t.buf[s.from-n : s.to-n]
	}
	return t.page[s.from:s.to]
}

// element reports whether id is an element node (not the document, not
// text).
func (t *tree) element(id nodeID) bool { return id > 0 && !t.nodes[id].text }

// name is the tag name of an element.
func (t *tree) name(id nodeID) string {
	n := &t.nodes[id]
	if n.atom != 0 {
		return n.atom.String()
	}
	return string(t.bytes(n.data))
}

// nameIs reports whether element id is named s.
func (t *tree) nameIs(id nodeID, s string) bool {
	n := &t.nodes[id]
	if n.atom != 0 {
		return n.atom.String() == s
	}
	return string(t.bytes(n.data)) == s
}

// is reports whether id is the HTML element a.
func (t *tree) is(id nodeID, a atom.Atom) bool {
	n := &t.nodes[id]
	return id > 0 && n.atom == a && n.ns == nsHTML && !n.text
}

// has reports whether id is an HTML element of class p.
func (t *tree) has(id nodeID, p props) bool {
	n := &t.nodes[id]
	return id > 0 && n.props&p != 0 && n.ns == nsHTML
}

// attr returns the value of attribute k of element id.
func (t *tree) attr(id nodeID, k atom.Atom) ([]byte, bool) {
	n := &t.nodes[id]
	if bit := askedBit(k); bit != 0 && n.asked&bit == 0 {
		return nil, false
	}
	return t.attrIn(n.attrs, k)
}

func (t *tree) attrIn(s span, k atom.Atom) ([]byte, bool) {
	v, ok := t.attrSpan(s, k)
	return t.bytes(v), ok
}

// attrSpan is where the value of attribute k is among the attributes s.
func (t *tree) attrSpan(s span, k atom.Atom) (span, bool) {
	for _, a := range t.attrs[s.from:s.to] {
		if a.key == k {
			return a.val, true
		}
	}
	return span{}, false
}

// sameAttrs: a and b carry the same attributes, in any order.
func (t *tree) sameAttrs(a, b nodeID) bool {
	as, bs := t.attrs[t.nodes[a].attrs.from:t.nodes[a].attrs.to], t.attrs[t.nodes[b].attrs.from:t.nodes[b].attrs.to]
	if len(as) != len(bs) {
		return false
	}
	for _, x := range as {
		found := false
		for _, y := range bs {
			if x.key == y.key && t.attrName(x) == t.attrName(y) && bytes.Equal(t.bytes(x.val), t.bytes(y.val)) {
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

func (t *tree) appendChild(parent, child nodeID) {
	p, c := &t.nodes[parent], &t.nodes[child]
	c.parent, c.prev, c.next = parent, p.last, 0
	if p.last != 0 {
		t.nodes[p.last].next = child
	} else {
		p.first = child
	}
	p.last = child
}

// insertBefore inserts child into parent before ref (at the end when ref
// is 0).
func (t *tree) insertBefore(parent, child, ref nodeID) {
	if ref == 0 {
		t.appendChild(parent, child)
		return
	}
	c, r := &t.nodes[child], &t.nodes[ref]
	c.parent, c.prev, c.next = parent, r.prev, ref
	if r.prev != 0 {
		t.nodes[r.prev].next = child
	} else {
		t.nodes[parent].first = child
	}
	r.prev = child
}

func (t *tree) detach(child nodeID) {
	c := &t.nodes[child]
	if c.parent == 0 && t.nodes[0].first != child {
		return
	}
	p := &t.nodes[c.parent]
	if c.prev != 0 {
		t.nodes[c.prev].next = c.next
	} else {
		p.first = c.next
	}
	if c.next != 0 {
		t.nodes[c.next].prev = c.prev
	} else {
		p.last = c.prev
	}
	c.parent, c.prev, c.next = 0, 0, 0
}

// moveChildren moves every child of src to the end of dst.
func (t *tree) moveChildren(dst, src nodeID) {
	for c := t.nodes[src].first; c != 0; {
		next := t.nodes[c].next
		t.detach(c)
		t.appendChild(dst, c)
		c = next
	}
}

// addText appends text to parent before ref (at the end when ref is 0),
// joining it to a text node right before, as the parser does. The text
// stands at offset at of the page, or (at < 0) is copied.
func (t *tree) addText(parent, ref nodeID, text []byte, at int) {
	prev := t.nodes[parent].last
	if ref != 0 {
		prev = t.nodes[ref].prev
	}
	if prev != 0 && t.nodes[prev].text {
		p := &t.nodes[prev]
		if at >= 0 && int(p.data.to) == at { // the page's next bytes
			p.data.to += int32(len(text))
			return
		}
		if int(p.data.to) != len(t.page)+len(t.buf) { // move it to the end of the buffer
			p.data = t.save(t.bytes(p.data))
		}
		p.data.to = t.save(text).to
		return
	}
	data := span{int32(at), int32(at + len(text))}
	if at < 0 {
		data = t.save(text)
	}
	id := nodeID(len(t.nodes))
	t.nodes = append(t.nodes, node{text: true, data: data, off: -1})
	t.insertBefore(parent, id, ref)
}
