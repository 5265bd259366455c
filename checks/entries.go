package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// menuName names a menu in messages: its name, else its selector.
func menuName(m *page.Menu) string {
	switch {
	case m.Name != "":
		return m.Name
	case m.Selector != "":
		return m.Selector
	default:
		return "unnamed"
	}
}

// entryName is what an entry is reported by.
func entryName(e *page.Entry) string {
	if n := e.Name(); n != "" {
		return n
	}
	return e.Label
}

// walkEntries calls fn for each entry of the tree, depth first, with the
// entry's parent (nil at the top level).
func walkEntries(entries []*page.Entry, parent *page.Entry, fn func(e, parent *page.Entry)) {
	for _, e := range entries {
		if e == nil {
			continue
		}
		fn(e, parent)
		walkEntries(e.Children, e, fn)
	}
}

// entryKey identifies an entry across the menus and regions of a page,
// which may hold the same entry twice (a footer nav is a menu and the
// footer's items).
type entryKey struct {
	ptr      *page.Entry
	line     int
	column   int
	selector string
}

func keyOf(e *page.Entry) entryKey {
	if e.Line > 0 || e.Selector != "" {
		return entryKey{line: e.Line, column: e.Column, selector: e.Selector}
	}
	return entryKey{ptr: e}
}

// normalize is page.NormalizeLabel with less work for the labels most
// pages have: ASCII with single spaces.
func normalize(s string) string {
	switch labelForm(s) {
	case labelNormal:
		return s
	case labelUpper:
		return strings.ToLower(s)
	}
	return page.NormalizeLabel(s)
}

// Forms of a label, by the work normalizing it takes.
const (
	labelNormal = iota // normalized already
	labelUpper         // ASCII with single spaces, some letters upper case: lowering them normalizes it
	labelOther         // white space to collapse or non-ASCII text: page.NormalizeLabel
)

// labelForm tells how much normalizing s takes.
func labelForm(s string) int {
	prevSpace, upper := true, false
	for i := 0; i < len(s); i++ {
		switch labelBytes[s[i]] {
		case bytePlain:
			prevSpace = false
		case byteUpper:
			prevSpace, upper = false, true
		case byteSpace:
			if prevSpace {
				return labelOther
			}
			prevSpace = true
		default:
			return labelOther
		}
	}
	switch {
	case prevSpace && s != "":
		return labelOther
	case upper:
		return labelUpper
	}
	return labelNormal
}

// Classes of the bytes of a label, for labelForm.
const (
	bytePlain = iota
	byteUpper // A to Z
	byteSpace // the space character
	byteOther // other white space, or part of a non-ASCII character
)

var labelBytes = func() (class [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		class[c] = byteUpper
	}
	class[' '] = byteSpace
	for _, c := range "\t\n\r\f\v" {
		class[c] = byteOther
	}
	for c := 0x80; c < len(class); c++ {
		class[c] = byteOther
	}
	return class
}()

// menusIn returns the page's menus without nil ones, which a page model
// built by other code might hold; checks never panic on a model.
func menusIn(p *page.Page) []*page.Menu {
	for i, m := range p.Menus {
		if m == nil {
			out := append([]*page.Menu(nil), p.Menus[:i]...)
			for _, m := range p.Menus[i+1:] {
				if m != nil {
					out = append(out, m)
				}
			}
			return out
		}
	}
	return p.Menus
}
