// Package selector matches CSS selectors on the elements of a page's tree
// (htmltree) and writes each element's selector path: the landmark
// selectors of a config, compiled once and shared, and the path that
// finds an element again in the browser's DOM, which findings quote.
package selector

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/cascadia"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

type (
	nodeID = htmltree.NodeID
	span   = htmltree.Span
)

// The landmark selectors as browsers map roles to elements: matched on the
// tree itself, without a DOM.
const (
	Nav    = "nav, [role=navigation]"
	Header = "header, [role=banner]"
	Footer = "footer, [role=contentinfo]"
)

// Named is a menu the config names: the elements Selector matches are
// menus called Name.
type Named struct{ Name, Selector string }

// A Set is the compiled landmark selectors of a page.
type Set struct {
	Nav, Header, Footer Matcher
	Menus               []NamedMatcher
	// landmarkTags are the tags of the plain landmark selectors; css says
	// that a selector is a cascadia one (see mayMatch).
	landmarkTags []atom.Atom
	tagBits      uint64 // see tagBit
	css          bool
}

// MayMatch: element n may match a selector of s. An element without a role
// matches a plain landmark only by its tag, so most of a page's elements
// need no selector asked.
func (s *Set) MayMatch(n *htmltree.Node) bool {
	return s.css || n.Flags&htmltree.FlagOf(htmltree.AttrRole) != 0 ||
		s.tagBits&tagBit(n.Atom) != 0 && slices.Contains(s.landmarkTags, n.Atom)
}

// tagBit is a's bit in Set.tagBits, by a's offset in the atom table: most
// elements' tags share no bit with a landmark's, and are told apart at one
// test.
func tagBit(a atom.Atom) uint64 { return 1 << (uint32(a) >> 8 & 63) }

// NamedMatcher is a menu the config names, compiled.
type NamedMatcher struct {
	Name string
	Matcher
}

// Matcher is a landmark selector: a plain landmark (an element, or any
// element with a role), matched on the tree itself, or a cascadia
// selector, matched on a DOM made of the tree for it (see domOf).
type Matcher struct {
	landmark *landmark
	css      cascadia.Matcher
}

type landmark struct {
	tag  atom.Atom
	role string
}

var landmarks = map[string]landmark{
	Nav:    {atom.Nav, "navigation"},
	Header: {atom.Header, "banner"},
	Footer: {atom.Footer, "contentinfo"},
}

// Compile compiles the landmark selectors of a page: of its menus, its
// header, its footer, and the menus the config names. An invalid selector
// is an error that quotes it.
func Compile(nav, header, footer string, menus []Named) (*Set, error) {
	var s Set
	var err error
	if s.Nav, err = compile(nav); err != nil {
		return nil, err
	}
	if s.Header, err = compile(header); err != nil {
		return nil, err
	}
	if s.Footer, err = compile(footer); err != nil {
		return nil, err
	}
	for _, m := range menus {
		sel, err := compile(m.Selector)
		if err != nil {
			return nil, err
		}
		s.Menus = append(s.Menus, NamedMatcher{Name: m.Name, Matcher: sel})
	}
	s.note(s.Nav, s.Header, s.Footer)
	for _, m := range s.Menus {
		s.note(m.Matcher)
	}
	return &s, nil
}

// compiled caches the selectors of the config: a site's pages all use the
// same few. Compiled selectors are immutable, safe to share.
var compiled sync.Map // string → cascadia.Matcher

// note records what MayMatch needs to know of matchers.
func (s *Set) note(ms ...Matcher) {
	for _, m := range ms {
		if m.landmark == nil {
			s.css = true
		} else {
			s.landmarkTags = append(s.landmarkTags, m.landmark.tag)
			s.tagBits |= tagBit(m.landmark.tag)
		}
	}
}

func compile(selector string) (Matcher, error) {
	if l, ok := landmarks[selector]; ok {
		return Matcher{landmark: &l}, nil
	}
	if m, ok := compiled.Load(selector); ok {
		return Matcher{css: m.(cascadia.Matcher)}, nil
	}
	group, err := cascadia.ParseGroup(selector)
	if err != nil {
		return Matcher{}, fmt.Errorf("invalid selector %q: %w", selector, err)
	}
	compiled.Store(selector, group)
	return Matcher{css: group}, nil
}

// A Page matches selectors on the elements of one page's tree and writes
// their selector paths. It is kept from page to page: its buffers stay.
type Page struct {
	*htmltree.Tree
	memos []elementMemo // by slot
	buf   []byte        // the steps' bytes
	chain []span        // the steps of one selector path
	paths [pathSlots]struct {
		node nodeID
		path span
	} // see pathOf
	pathBytes int
	dom       []*html.Node // see domOf
}

// elementMemo is what a Page learns of an element, memoized, by the
// element's number (htmltree.Node.Elem): 12 bytes, which with the page
// model's memo of an element make 40.
type elementMemo struct {
	sel span   // of buf: see selectorStep
	nth uint32 // the position among the parent's elements (nthMask), and memo bits
}

const (
	memoSelector = 1 << 31
	memoAnchor   = 1 << 30 // a selector path starts at the element (selectorStep)
	// nthMask: a page under 2 GiB has fewer elements than this
	nthMask = memoAnchor - 1
)

// Reset empties sp for the tree t, keeping its space.
func (sp *Page) Reset(t *htmltree.Tree) {
	var elements int
	if t != nil {
		elements = int(t.Elements)
	}
	memos := slices.Grow(sp.memos[:0], elements+1)[:elements+1]
	clear(memos)
	*sp = Page{Tree: t, memos: memos, buf: sp.buf[:0], chain: sp.chain[:0]}
}

// Size is about how many bytes sp keeps.
func (sp *Page) Size() int { return cap(sp.buf) + cap(sp.memos)*memoSize }

var memoSize = int(reflect.TypeFor[elementMemo]().Size())

func (sp *Page) stepOf(n nodeID) *elementMemo { return &sp.memos[sp.Nodes[n].Elem] }

// Matches reports whether element n matches m.
func (sp *Page) Matches(m Matcher, n nodeID) bool {
	if l := m.landmark; l != nil {
		if sp.Is(n, l.tag) {
			return true
		}
		role, ok := sp.Attr(n, htmltree.AttrRole)
		return ok && len(role) == len(l.role) && string(role) == l.role
	}
	return m.css.Match(sp.domOf(n))
}

// domOf is element n in a DOM made of the whole tree, made the first time
// a config's selector asks for one.
func (sp *Page) domOf(n nodeID) *html.Node {
	if sp.dom == nil {
		sp.dom = make([]*html.Node, len(sp.Nodes))
		for i := range sp.Nodes {
			sp.dom[i] = sp.htmlNode(nodeID(i))
		}
		for i := range sp.Nodes {
			for c := sp.Nodes[i].First; c != 0; c = sp.Nodes[c].Next {
				sp.dom[i].AppendChild(sp.dom[c])
				if sp.Nodes[c].SpaceAfter {
					sp.dom[i].AppendChild(&html.Node{Type: html.TextNode, Data: " "})
				}
			}
		}
	}
	return sp.dom[n]
}

func (sp *Page) htmlNode(id nodeID) *html.Node {
	n := &sp.Nodes[id]
	switch {
	case id == 0:
		return &html.Node{Type: html.DocumentNode}
	case n.Text:
		return &html.Node{Type: html.TextNode, Data: string(sp.Bytes(n.Data))}
	}
	h := &html.Node{Type: html.ElementNode, Data: sp.Name(id), DataAtom: n.Atom,
		Namespace: [...]string{"", "svg", "math"}[n.NS]}
	for _, a := range sp.Attrs[n.Attrs.From:n.Attrs.To] {
		h.Attr = append(h.Attr, html.Attribute{Key: sp.AttrName(a), Val: string(sp.Bytes(a.Val))})
	}
	return h
}

// Selector paths anchor at the nearest ancestor with an id, else at body,
// and name each step below it by tag and :nth-child, so that a path
// selects exactly the element it was made for in the browser's DOM.

// Path is the selector path of element n: the steps from its anchor
// down to n, each made once (selectorStep). The path down to n's
// grandparent is joined once for the elements below it (pathOf): the
// entries of a list share it. Only the steps and a few such paths (at
// most maxPathBytes a page) are kept, not each element's whole path, so
// that the scratch space grows with the elements asked for, not with
// their depth.
func (sp *Page) Path(n nodeID) string {
	leaf, anchor := sp.selectorStep(n)
	p := sp.Nodes[n].Parent
	if anchor || !sp.Element(p) {
		return string(sp.buf[leaf.From:leaf.To])
	}
	mid, anchor := sp.selectorStep(p)
	g := sp.Nodes[p].Parent
	if anchor || !sp.Element(g) {
		return sp.joinSteps(span{}, mid, leaf)
	}
	if path, ok := sp.pathOf(g); ok {
		return sp.joinSteps(path, mid, leaf)
	}
	whole := sp.appendPath(n)
	path := string(sp.buf[whole.From:whole.To])
	sp.buf = sp.buf[:whole.From] // kept for no other element
	return path
}

// joinSteps is the path prefix (none when empty) followed by the steps mid
// and leaf.
func (sp *Page) joinSteps(prefix, mid, leaf span) string {
	var b strings.Builder
	size := int(mid.To-mid.From) + len(" > ") + int(leaf.To-leaf.From)
	if prefix.To > prefix.From {
		size += int(prefix.To-prefix.From) + len(" > ")
	}
	b.Grow(size)
	if prefix.To > prefix.From {
		b.Write(sp.buf[prefix.From:prefix.To])
		b.WriteString(" > ")
	}
	b.Write(sp.buf[mid.From:mid.To])
	b.WriteString(" > ")
	b.Write(sp.buf[leaf.From:leaf.To])
	return b.String()
}

// pathSlots and maxPathBytes bound the paths that pathOf keeps: the few
// last asked, and at most so many bytes of them a page (a page of deep,
// distinct lists has its paths joined at each element, as without them).
const (
	pathSlots    = 64
	maxPathBytes = 1 << 20
)

// pathOf is the selector path of element n in buf, kept in a slot of
// sp.paths for the elements below n; false when the page's paths have
// taken their bytes.
func (sp *Page) pathOf(n nodeID) (span, bool) {
	slot := &sp.paths[n%pathSlots]
	if slot.node == n {
		return slot.path, true
	}
	if sp.pathBytes > maxPathBytes {
		return span{}, false
	}
	path := sp.appendPath(n)
	sp.pathBytes += int(path.To - path.From)
	slot.node, slot.path = n, path
	return path, true
}

// appendPath appends the selector path of element n to buf, after any
// step it makes: the steps from n up to its anchor, joined.
func (sp *Page) appendPath(n nodeID) span {
	chain := sp.chain[:0]
	for {
		s, anchor := sp.selectorStep(n)
		chain = append(chain, s)
		p := sp.Nodes[n].Parent
		if anchor || !sp.Element(p) {
			break
		}
		n = p
	}
	sp.chain = chain
	b := sp.buf
	from := len(b)
	for i := len(chain) - 1; i >= 0; i-- {
		b = append(b, b[chain[i].From:chain[i].To]...)
		if i > 0 {
			b = append(b, " > "...)
		}
	}
	sp.buf = b
	return span{From: int32(from), To: int32(len(b))}
}

// selectorStep makes the step of n in buf, memoized: the entries of a
// list share the steps of the list and its ancestors. anchor says that a
// path starts at n (html, head, body, or an element with an id); it is
// memoized with the step, as every path asks it of each of its steps.
func (sp *Page) selectorStep(n nodeID) (step span, anchor bool) {
	st := sp.stepOf(n)
	if st.nth&memoSelector != 0 {
		return st.sel, st.nth&memoAnchor != 0
	}
	from := len(sp.buf)
	b := sp.buf
	name := sp.Name(n)
	switch {
	case sp.IsRoot(n):
		b = append(b, name...)
		anchor = true
	case sp.hasID(n):
		b = append(b, idSelector(name, string(sp.attrBytes(n, atom.Id)))...)
		anchor = true
	default:
		b = append(b, name...)
		b = append(b, ":nth-child("...)
		b = strconv.AppendInt(b, int64(sp.nth(n)), 10)
		b = append(b, ')')
	}
	sp.buf = b
	st.sel, st.nth = span{From: int32(from), To: int32(len(b))}, st.nth|memoSelector
	if anchor {
		st.nth |= memoAnchor
	}
	return st.sel, anchor
}

func (sp *Page) hasID(n nodeID) bool { return len(sp.attrBytes(n, atom.Id)) > 0 }

func (sp *Page) attrBytes(n nodeID, k atom.Atom) []byte {
	v, _ := sp.Attr(n, k)
	return v
}

// nth is the position of element n among its parent's element children,
// counted for all of them at once.
func (sp *Page) nth(n nodeID) int {
	if sp.stepOf(n).nth&nthMask == 0 {
		i := uint32(0)
		for c := sp.Nodes[sp.Nodes[n].Parent].First; c != 0; c = sp.Nodes[c].Next {
			if !sp.Nodes[c].Text {
				i++
				st := sp.stepOf(c)
				st.nth = st.nth&^nthMask | i
			}
		}
	}
	return int(sp.stepOf(n).nth & nthMask)
}

var idEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `)

// idSelector is "tag#id" when id is a plain CSS identifier, else
// tag[id="…"].
func idSelector(name, id string) string {
	if isIdent(id) {
		return name + "#" + id
	}
	return name + `[id="` + idEscaper.Replace(id) + `"]`
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
