package htmlpage

import (
	"slices"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What single start tags tell: ids and anchors, hidden elements, the base,
// the redirect, the kind of a control, the landmarks.

// hiddenByAttrs: the hidden attribute, aria-hidden="true", or an inline
// display:none or visibility:hidden.
func hiddenByAttrs(attrs []html.Attribute) bool {
	for _, a := range attrs {
		if hides(a) {
			return true
		}
	}
	return false
}

// hides: attribute a alone hides its element.
func hides(a html.Attribute) bool {
	switch a.Key {
	case "hidden":
		return true
	case "aria-hidden":
		return strings.EqualFold(strings.TrimSpace(a.Val), "true")
	case "style":
		return styleHides(a.Val)
	}
	return false
}

func styleHides(style string) bool {
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		if (k == "display" && v == "none") || (k == "visibility" && v == "hidden") {
			return true
		}
	}
	return false
}

// tagFacts records the page-wide facts a start tag may carry.
func (s *stream) tagFacts(off int, a atom.Atom, attrs []html.Attribute) {
	_ = off
	switch a {
	case atom.Base:
		if href, ok := attr(attrs, "href"); ok && !s.haveBase {
			s.haveBase = true
			s.effects++
			s.p.Base = strings.Clone(href)
		}
	case atom.Meta:
		if he, _ := attr(attrs, "http-equiv"); strings.EqualFold(strings.TrimSpace(he), "refresh") && s.p.Redirect == "" {
			content, _ := attr(attrs, "content")
			s.p.Redirect = strings.Clone(refreshURL(content))
			s.effects++
		}
	}
}

func (s *stream) addAnchors(e *openElem, a atom.Atom, attrs []html.Attribute) {
	if e.id != "" {
		s.addAnchor(e.id)
	}
	if a == atom.A {
		if name, ok := attr(attrs, "name"); ok && name != "" {
			s.addAnchor(name)
		}
	}
}

// addAnchor collects an anchor; dedupAnchors drops the repeats at the end,
// cheaper than a set per page.
func (s *stream) addAnchor(id string) {
	s.p.Anchors = append(s.p.Anchors, s.keepString(id))
}

// dedupAnchors keeps the first of each anchor, in document order.
func (s *stream) dedupAnchors() {
	a := s.p.Anchors
	if len(a) < 2 {
		return
	}
	idx := s.anchorIdx[:0]
	for i := range a {
		idx = append(idx, i)
	}
	slices.SortStableFunc(idx, func(x, y int) int { return strings.Compare(a[x], a[y]) })
	drop := s.anchorDrop[:0]
	drop = append(drop, make([]bool, len(a))...)
	for k := 1; k < len(idx); k++ {
		if a[idx[k]] == a[idx[k-1]] {
			drop[idx[k]] = true
		}
	}
	out := a[:0]
	for i, id := range a {
		if !drop[i] {
			out = append(out, id)
		}
	}
	s.p.Anchors = out
	s.anchorIdx, s.anchorDrop = idx, drop
}

func controlKind(a atom.Atom, attrs []html.Attribute) string {
	switch a {
	case atom.A, atom.Area:
		return page.KindLink
	case atom.Button:
		return page.KindButton
	case atom.Summary:
		return page.KindToggle
	case atom.Input:
		t, _ := attr(attrs, "type")
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "button", "submit", "reset", "image":
			return page.KindButton
		}
		return ""
	}
	if role, _ := attr(attrs, "role"); strings.EqualFold(strings.TrimSpace(role), "button") {
		return page.KindButton
	}
	return ""
}

// findCandidates matches the landmark selectors against a new element, f
// the facts of its start tag.
func (s *stream) findCandidates(e *openElem, f *tagFacts) {
	if !s.haveBody {
		return
	}
	landmark := !s.stack[len(s.stack)-2].sectioning
	add := func(kind int, name string, named bool) int {
		s.cands = append(s.cands, candidate{kind: kind, name: name, named: named, off: e.off,
			end: len(s.data), landmark: landmark, sel: s.selOf(e), seg: len(s.caps.regions) - 1})
		e.candTo = len(s.cands)
		return len(s.cands) - 1
	}
	if e.header < 0 && matchFacts(s.sel.header, e, f) {
		e.header = add(candHeader, "", false)
	}
	if e.footer < 0 && matchFacts(s.sel.footer, e, f) {
		e.footer = add(candFooter, "", false)
	}
	isMenu := false
	if e.named < 0 {
		for _, m := range s.sel.menus {
			if matchFacts(m.sel, e, f) {
				e.named = add(candMenu, m.name, true)
				e.menu = e.named
				isMenu = true
				break
			}
		}
	}
	if !isMenu && e.menu < 0 && matchFacts(s.sel.nav, e, f) {
		e.menu = add(candMenu, "", false)
	}
	if e.props&pSectioning != 0 {
		e.sectioning = true
	}
}
