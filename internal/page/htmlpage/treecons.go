package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The rules of the HTML tree construction that the light stack follows:
// the implied html, head and body, and the elements a start tag closes.

func (s *stream) ensureHTML(attrs []html.Attribute) {
	if !s.haveHTML {
		s.haveHTML = true
		s.pushStructural("html", atom.Html, attrs)
	}
}

func (s *stream) ensureHead(attrs []html.Attribute) {
	s.ensureHTML(nil)
	if !s.haveHead {
		s.haveHead = true
		s.pushStructural("head", atom.Head, attrs)
	}
}

func (s *stream) ensureBody() { s.openBody(nil) }

func (s *stream) openBody(attrs []html.Attribute) {
	s.ensureHTML(nil)
	if s.haveBody {
		return
	}
	for len(s.stack) > 2 {
		s.pop(s.tokOff)
	}
	s.haveBody = true
	s.pushStructural("body", atom.Body, attrs)
}

// pushStructural pushes html, head or body, written or implied: they take
// part in no capture and get no position.
func (s *stream) pushStructural(name string, a atom.Atom, attrs []html.Attribute) {
	s.pushElem(-1, name, a, propsOf(a), attrs, nil)
}

// closeImplied closes the open elements a start tag of a closes, the way
// the tree construction does in the "in body" and table modes.
func (s *stream) closeImplied(a atom.Atom, p props) {
	switch a {
	case atom.Li:
		s.closeListItem(atom.Li, 0)
	case atom.Dd, atom.Dt:
		s.closeListItem(atom.Dd, atom.Dt)
	case atom.A:
		if i := s.inScope(atom.A, 0); i >= 0 {
			s.irregular()
			s.popTo(i)
		}
		s.afeRemove(func(x afeEntry) bool { return x.atom == atom.A })
	case atom.Button:
		if i := s.inScope(atom.Button, 0); i >= 0 {
			s.irregular()
			s.popTo(i)
		}
	case atom.Option:
		if s.top().atom == atom.Option {
			s.pop(s.tokOff)
		}
	case atom.Optgroup:
		if s.top().atom == atom.Option {
			s.pop(s.tokOff)
		}
		if s.top().atom == atom.Optgroup {
			s.pop(s.tokOff)
		}
	case atom.Tr:
		if i := s.inTableScope(atom.Tr, 0); i >= 0 {
			s.popTo(i)
		}
		if s.top().atom == atom.Table {
			s.pushImplied("tbody", atom.Tbody)
		}
	case atom.Td, atom.Th:
		if i := s.inTableScope(atom.Td, atom.Th); i >= 0 {
			s.popTo(i)
		}
		if s.top().atom == atom.Table {
			s.pushImplied("tbody", atom.Tbody)
		}
		switch s.top().atom {
		case atom.Tbody, atom.Thead, atom.Tfoot:
			s.pushImplied("tr", atom.Tr)
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		for _, t := range []atom.Atom{atom.Tbody, atom.Thead, atom.Tfoot} {
			if i := s.inTableScope(t, 0); i >= 0 {
				s.popTo(i)
			}
		}
	}
	if p&pClosesP != 0 {
		if i := s.inScope(atom.P, 0); i >= 0 {
			s.popTo(i)
		}
	}
	if p&pHeading != 0 && s.top().props&pHeading != 0 {
		s.pop(s.tokOff)
	}
}

func (s *stream) closeListItem(a, b atom.Atom) {
	for i := len(s.stack) - 1; i > 0; i-- {
		t := s.stack[i].atom
		if t == a || (b != 0 && t == b) {
			s.popTo(i)
			return
		}
		if s.stack[i].props&pSpecial != 0 && t != atom.Address && t != atom.Div && t != atom.P {
			return
		}
	}
}

// inScope returns the stack index of the innermost open a (or b) in button
// scope, or -1.
func (s *stream) inScope(a, b atom.Atom) int {
	for i := len(s.stack) - 1; i > 0; i-- {
		t := s.stack[i].atom
		if t == a || (b != 0 && t == b) {
			return i
		}
		if s.stack[i].props&pScope != 0 || t == atom.Button || s.stack[i].foreign {
			return -1
		}
	}
	return -1
}

func (s *stream) inTableScope(a, b atom.Atom) int {
	for i := len(s.stack) - 1; i > 0; i-- {
		t := s.stack[i].atom
		if t == a || (b != 0 && t == b) {
			return i
		}
		if t == atom.Table || t == atom.Html || t == atom.Template || t == atom.Body {
			return -1
		}
	}
	return -1
}

func (s *stream) pushImplied(name string, a atom.Atom) {
	if s.building() {
		s.irregular()
	}
	s.pushElem(-1, name, a, propsOf(a), nil, nil)
}
