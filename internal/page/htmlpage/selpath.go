package htmlpage

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"
)

// Selector paths anchor at the nearest ancestor with an id, else at body,
// and name each step below it by tag and :nth-child, so that a path selects
// exactly the element it was made for.

// selAt returns the selector path of the stack element at index i, in the
// stream's arena: most are only the prefix of others.
func (s *stream) selAt(i int) string {
	e := &s.stack[i]
	if e.sel != "" || i == 0 {
		return e.sel
	}
	switch {
	case e.atom == atom.Html || e.atom == atom.Body || e.atom == atom.Head:
		e.sel = e.name
	case e.id != "":
		e.sel = idSelector(e.name, e.id)
	default:
		e.sel = s.childSelector(s.selAt(i-1), e.name, e.nth, false)
	}
	return e.sel
}

// selOf returns the selector path of e — the top of the stack, or a void
// element standing above it — for the model.
func (s *stream) selOf(e *openElem) string {
	top := len(s.stack) - 1
	if e == &s.stack[top] {
		if e.keptSel == "" {
			e.keptSel = s.keepString(s.selAt(top))
		}
		return e.keptSel
	}
	if e.id != "" {
		return idSelector(e.name, e.id)
	}
	return s.childSelector(s.selAt(top), e.name, e.nth, true)
}

// childSelector joins a parent's path and a step: kept for the model, or
// in the arena.
func (s *stream) childSelector(parent, name string, nth int, keep bool) string {
	b := s.concatBuf[:0]
	if parent != "" {
		b = append(b, parent...)
		b = append(b, " > "...)
	}
	b = append(b, name...)
	b = append(b, ":nth-child("...)
	b = strconv.AppendInt(b, int64(nth), 10)
	b = append(b, ')')
	s.concatBuf = b
	if keep {
		return s.keep(b)
	}
	return s.str(b)
}

// idSelector is "tag#id" when id is a plain CSS identifier, else
// tag[id="…"].
func idSelector(name, id string) string {
	if isIdent(id) {
		return name + "#" + id
	}
	return name + `[id="` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `).Replace(id) + `"]`
}

func isIdent(s string) bool {
	if s == "" || s == "-" || strings.HasPrefix(s, "--") {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '-' || r >= 0x80:
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9':
			if i == 0 || (i == 1 && s[0] == '-') {
				return false
			}
		default:
			return false
		}
	}
	return true
}
