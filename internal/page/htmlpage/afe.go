package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The list of active formatting elements, in short. When a formatting
// element (b, i, a …) is closed by anything but its own end tag, browsers
// reopen a copy of it before the next text or inline element: <p><b>x<p>y
// puts y in a second <b>. The light stack does the same, so that the
// :nth-child steps of selectors count those copies as browsers do.

type afeEntry struct {
	marker bool
	uid    int // of the element on the stack, or of its latest copy
	name   string
	atom   atom.Atom
	attrs  []html.Attribute
}

// markers stop the reopening at the boundaries of cells, captions,
// objects and templates.
var markers = atomSet(atom.Td, atom.Th, atom.Caption, atom.Object, atom.Template, atom.Marquee,
	atom.Applet)

func (s *stream) afePush(e *openElem) {
	if e.foreign || s.reopening {
		return
	}
	if e.props&pFormatting != 0 {
		// attrs are copied only if the element is closed by another
		s.afe = append(s.afe, afeEntry{uid: e.uid, name: e.name, atom: e.atom, attrs: nil})
	} else if e.props&pMarker != 0 {
		s.afe = append(s.afe, afeEntry{marker: true})
	}
}

// afeClosed takes the pop of e: a marker element clears the list to its
// marker; a formatting element closed by its own end tag leaves it.
func (s *stream) afeClosed(e *openElem, own bool) {
	if len(s.afe) == 0 || e.foreign {
		return
	}
	if e.props&pMarker != 0 {
		for len(s.afe) > 0 {
			last := s.afe[len(s.afe)-1]
			s.afe = s.afe[:len(s.afe)-1]
			if last.marker {
				break
			}
		}
		return
	}
	if e.props&pFormatting == 0 {
		return
	}
	if own {
		s.afeRemove(func(x afeEntry) bool { return x.uid == e.uid })
		return
	}
	for i := len(s.afe) - 1; i >= 0; i-- {
		if s.afe[i].uid == e.uid {
			if e.node != nil {
				s.afe[i].attrs = append([]html.Attribute(nil), e.node.Attr...)
			}
			break
		}
	}
}

// afeRemove removes the last entry after the last marker that f accepts,
// and reports whether there was one.
func (s *stream) afeRemove(f func(afeEntry) bool) bool {
	for i := len(s.afe) - 1; i >= 0 && !s.afe[i].marker; i-- {
		if f(s.afe[i]) {
			s.afe = append(s.afe[:i], s.afe[i+1:]...)
			return true
		}
	}
	return false
}

func (s *stream) onStack(uid int) bool {
	for i := len(s.stack) - 1; i > 0; i-- {
		if s.stack[i].uid == uid {
			return true
		}
	}
	return false
}

// reconstruct reopens the formatting elements closed by others, before
// text or an inline start tag is inserted.
func (s *stream) reconstruct() {
	if len(s.afe) == 0 || s.top().foreign {
		return
	}
	i := len(s.afe) - 1
	if s.afe[i].marker || s.onStack(s.afe[i].uid) {
		return
	}
	for i > 0 && !s.afe[i-1].marker && !s.onStack(s.afe[i-1].uid) {
		i--
	}
	if s.building() {
		s.irregular()
	}
	s.reopening = true
	for ; i < len(s.afe); i++ {
		x := &s.afe[i]
		e := s.pushElem(-1, x.name, x.atom, propsOf(x.atom), x.attrs, nil)
		x.uid = e.uid
	}
	s.reopening = false
}

// noReconstruct start tags are inserted without reopening formatting
// elements: blocks, and what the head holds.
func noReconstruct(a atom.Atom, p props) bool {
	return p&(pClosesP|pHead) != 0 || a == atom.Table || a == atom.Textarea
}

// adoptFurthestBlock is the adoption agency's case of a formatting element
// (at stack index i) closed while a block opened inside it is still open:
// <b><p>q</b>. Browsers move the block out of the formatting element, to
// its parent, and wrap the block's content in a copy of it. It reports
// false when there is no such block.
func (s *stream) adoptFurthestBlock(i int) bool {
	j := -1
	for k := i + 1; k < len(s.stack); k++ {
		if s.stack[k].props&pSpecial != 0 {
			j = k
			break
		}
	}
	if j < 0 {
		return false
	}
	if s.building() || s.stack[i].capture {
		s.irregular()
	}
	f := s.stack[i]
	s.afeRemove(func(x afeEntry) bool { return x.uid == f.uid })
	for k := i; k < j; k++ { // what ends here, ends here
		e := &s.stack[k]
		if e.idRange >= 0 {
			s.ids[e.idRange].end = s.off
		}
	}
	parent := &s.stack[i-1]
	parent.kids++
	block := &s.stack[j]
	block.nth, block.kids = parent.kids, 1 // its content is now in the copy
	s.stack = append(s.stack[:i], s.stack[j:]...)
	for k := i; k < len(s.stack); k++ {
		e := &s.stack[k]
		e.sel = ""
		// keep one node per depth: give depth k the node its element uses
		for m := range s.nodes {
			if s.nodes[m] == e.node && m != k {
				s.nodes[m], s.nodes[k] = s.nodes[k], s.nodes[m]
				break
			}
		}
		if e.node != nil {
			e.node.Parent = s.stack[k-1].node
		}
	}
	return true
}
