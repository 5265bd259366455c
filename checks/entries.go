package checks

import (
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// menuRef names a menu as a person would: by its name (aria-label,
// aria-labelledby, a heading, the config's), else by the landmark it
// stands in and its place among that landmark's menus — never by its
// selector, which stays in the finding's location.
type menuRef struct {
	name   string
	region page.Landmark
	nth    int // 1-based among the page's menus of its region; 0 when it is the only one
}

// refOf names menu m of page p.
func refOf(p *page.Page, m *page.Menu) menuRef {
	r := menuRef{name: m.Name, region: m.Region}
	if r.name != "" || p == nil {
		return r
	}
	n, at := 0, 0
	for _, o := range p.Menus {
		if o != nil && o.Region == m.Region {
			n++
			if o == m {
				at = n
			}
		}
	}
	if n > 1 {
		r.nth = at
	}
	return r
}

// plain is the name alone: "Primary", "header menu", "header menu 2",
// "menu 2 in the main content" (for the report's context).
func (r menuRef) plain() string {
	if r.name != "" {
		return r.name
	}
	num := ""
	if r.nth > 0 {
		num = " " + strconv.Itoa(r.nth)
	}
	switch r.region {
	case page.RegionHeader, page.RegionFooter:
		return r.region.String() + " menu" + num
	case page.RegionMain:
		return "menu" + num + " in the main content"
	}
	return "menu" + num
}

// bare names the menu in a sentence, without article: `menu "Primary"`,
// "header menu 2".
func (r menuRef) bare() string {
	if r.name != "" {
		return "menu " + q(r.name)
	}
	return r.plain()
}

// the names the menu in a sentence: `menu "Primary"`, "the header menu",
// "the second header menu".
func (r menuRef) the() string {
	switch {
	case r.name != "":
		return r.bare()
	case r.nth == 0:
		return "the " + r.plain()
	}
	nth := r
	nth.nth = 0
	return "the " + ordinal(r.nth) + " " + nth.plain()
}

// ordinal spells a place: "first", "second", …, "11th".
func ordinal(n int) string {
	words := [...]string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n >= 1 && n <= len(words) {
		return words[n-1]
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// entryName is what an entry is reported by.
func entryName(e *page.Entry) string {
	if n := e.Name(); n != "" {
		return n
	}
	return e.Label
}

// IsNavEntry reports whether a menu or footer entry is one a person
// follows to another page: visible, named, a link (or a toggle that opens
// entries of its own), and not a link to a place on its own page ("#top",
// a table of contents). Menu toggles, close and back buttons are controls
// (page.Entry.Control). What most pages of a site carry is counted in such
// entries (nav-inconsistent, init).
func IsNavEntry(e *page.Entry) bool {
	if e == nil || e.Hidden || e.Control != 0 || e.Name() == "" {
		return false
	}
	// "#" alone is a dead link (nav-dead-link's), not a place on the page.
	if href := strings.TrimSpace(e.Href); len(href) > 1 && href[0] == '#' {
		return false
	}
	switch e.Kind {
	case page.KindLink, page.KindText:
		return true
	case page.KindToggle, page.KindButton:
		return len(e.Children()) > 0
	}
	return false
}

// walkEntries calls fn for each entry of the tree, depth first, with the
// entry's parent (nil at the top level).
func walkEntries(entries []*page.Entry, parent *page.Entry, fn func(e, parent *page.Entry)) {
	for _, e := range entries {
		if e == nil {
			continue
		}
		fn(e, parent)
		walkEntries(e.Children(), e, fn)
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
