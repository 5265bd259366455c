package htmlpage

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/cascadia"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selectors are the compiled landmark selectors of one Parse call.
type selectors struct {
	nav, header, footer matcher
	menus               []namedMatcher
	// landmarkTags are the tags of the plain landmark selectors; css says
	// that a selector is a cascadia one (see mayMatch).
	landmarkTags []atom.Atom
	css          bool
}

// mayMatch: element n may match a selector. An element without a role
// matches a plain landmark only by its tag, so most of a page's elements
// need no selector asked.
func (s *selectors) mayMatch(n *htmltree.Node) bool {
	return s.css || n.Flags&htmltree.FlagOf(htmltree.AttrRole) != 0 || slices.Contains(s.landmarkTags, n.Atom)
}

type namedMatcher struct {
	name string
	m    matcher
}

// matcher is a landmark selector: a plain landmark (an element, or any
// element with a role), matched on the tree itself, or a cascadia
// selector, matched on a DOM made of the tree for it (see domOf).
type matcher struct {
	landmark *landmark
	css      cascadia.Matcher
}

type landmark struct {
	tag  atom.Atom
	role string
}

var landmarks = map[string]landmark{
	DefaultNavSelector:    {atom.Nav, "navigation"},
	DefaultHeaderSelector: {atom.Header, "banner"},
	DefaultFooterSelector: {atom.Footer, "contentinfo"},
}

func compileSelectors(opt *Options) (*selectors, error) {
	for _, s := range []*string{&opt.NavSelector, &opt.HeaderSelector, &opt.FooterSelector} {
		if *s == "" {
			switch s {
			case &opt.NavSelector:
				*s = DefaultNavSelector
			case &opt.HeaderSelector:
				*s = DefaultHeaderSelector
			default:
				*s = DefaultFooterSelector
			}
		}
	}
	var s selectors
	var err error
	if s.nav, err = compile(opt.NavSelector); err != nil {
		return nil, err
	}
	if s.header, err = compile(opt.HeaderSelector); err != nil {
		return nil, err
	}
	if s.footer, err = compile(opt.FooterSelector); err != nil {
		return nil, err
	}
	for _, m := range opt.Menus {
		sel, err := compile(m.Selector)
		if err != nil {
			return nil, err
		}
		s.menus = append(s.menus, namedMatcher{name: m.Name, m: sel})
	}
	s.note(s.nav, s.header, s.footer)
	for _, m := range s.menus {
		s.note(m.m)
	}
	return &s, nil
}

// compiled caches the selectors of the config: a site's pages all use the
// same few. Compiled selectors are immutable, safe to share.
var compiled sync.Map // string → cascadia.Matcher

// note records what mayMatch needs to know of matchers.
func (s *selectors) note(ms ...matcher) {
	for _, m := range ms {
		if m.landmark == nil {
			s.css = true
		} else {
			s.landmarkTags = append(s.landmarkTags, m.landmark.tag)
		}
	}
}

func compile(selector string) (matcher, error) {
	if l, ok := landmarks[selector]; ok {
		return matcher{landmark: &l}, nil
	}
	if m, ok := compiled.Load(selector); ok {
		return matcher{css: m.(cascadia.Matcher)}, nil
	}
	group, err := cascadia.ParseGroup(selector)
	if err != nil {
		return matcher{}, fmt.Errorf("invalid selector %q: %w", selector, err)
	}
	compiled.Store(selector, group)
	return matcher{css: group}, nil
}

// matches reports whether element n matches m.
func (md *model) matches(m matcher, n nodeID) bool {
	if l := m.landmark; l != nil {
		if md.Is(n, l.tag) {
			return true
		}
		role, ok := md.Attr(n, htmltree.AttrRole)
		return ok && len(role) == len(l.role) && string(role) == l.role
	}
	return m.css.Match(md.domOf(n))
}

// domOf is element n in a DOM made of the whole tree, made the first time
// a config's selector asks for one.
func (md *model) domOf(n nodeID) *html.Node {
	if md.dom == nil {
		md.dom = make([]*html.Node, len(md.Nodes))
		for i := range md.Nodes {
			md.dom[i] = md.htmlNode(nodeID(i))
		}
		for i := range md.Nodes {
			for c := md.Nodes[i].First; c != 0; c = md.Nodes[c].Next {
				md.dom[i].AppendChild(md.dom[c])
				if md.Nodes[c].SpaceAfter {
					md.dom[i].AppendChild(&html.Node{Type: html.TextNode, Data: " "})
				}
			}
		}
	}
	return md.dom[n]
}

func (md *model) htmlNode(id nodeID) *html.Node {
	n := &md.Nodes[id]
	switch {
	case id == 0:
		return &html.Node{Type: html.DocumentNode}
	case n.Text:
		return &html.Node{Type: html.TextNode, Data: string(md.Bytes(n.Data))}
	}
	h := &html.Node{Type: html.ElementNode, Data: md.Name(id), DataAtom: n.Atom,
		Namespace: [...]string{"", "svg", "math"}[n.NS]}
	for _, a := range md.Attrs[n.Attrs.From:n.Attrs.To] {
		h.Attr = append(h.Attr, html.Attribute{Key: md.AttrName(a), Val: string(md.Bytes(a.Val))})
	}
	return h
}

// Selector paths anchor at the nearest ancestor with an id, else at body,
// and name each step below it by tag and :nth-child, so that a path
// selects exactly the element it was made for in the browser's DOM.

// selector is the selector path of element n: the steps from its anchor
// down to n, each made once (selectorStep). The path down to n's
// grandparent is joined once for the elements below it (pathOf): the
// entries of a list share it. Only the steps and a few such paths (at
// most maxPathBytes a page) are kept, not each element's whole path, so
// that the scratch space grows with the elements asked for, not with
// their depth.
func (md *model) selector(n nodeID) string {
	leaf, anchor := md.selectorStep(n)
	p := md.Nodes[n].Parent
	if anchor || !md.Element(p) {
		return string(md.selBuf[leaf.From:leaf.To])
	}
	mid, anchor := md.selectorStep(p)
	g := md.Nodes[p].Parent
	if anchor || !md.Element(g) {
		return md.joinSteps(span{}, mid, leaf)
	}
	if path, ok := md.pathOf(g); ok {
		return md.joinSteps(path, mid, leaf)
	}
	whole := md.appendPath(n)
	path := string(md.selBuf[whole.From:whole.To])
	md.selBuf = md.selBuf[:whole.From] // kept for no other element
	return path
}

// joinSteps is the path prefix (none when empty) followed by the steps mid
// and leaf.
func (md *model) joinSteps(prefix, mid, leaf span) string {
	var b strings.Builder
	size := int(mid.To-mid.From) + len(" > ") + int(leaf.To-leaf.From)
	if prefix.To > prefix.From {
		size += int(prefix.To-prefix.From) + len(" > ")
	}
	b.Grow(size)
	if prefix.To > prefix.From {
		b.Write(md.selBuf[prefix.From:prefix.To])
		b.WriteString(" > ")
	}
	b.Write(md.selBuf[mid.From:mid.To])
	b.WriteString(" > ")
	b.Write(md.selBuf[leaf.From:leaf.To])
	return b.String()
}

// pathSlots and maxPathBytes bound the paths that pathOf keeps: the few
// last asked, and at most so many bytes of them a page (a page of deep,
// distinct lists has its paths joined at each element, as without them).
const (
	pathSlots    = 64
	maxPathBytes = 1 << 20
)

// pathOf is the selector path of element n in selBuf, kept in a slot of
// md.paths for the elements below n; false when the page's paths have
// taken their bytes.
func (md *model) pathOf(n nodeID) (span, bool) {
	slot := &md.paths[n%pathSlots]
	if slot.node == n {
		return slot.path, true
	}
	if md.pathBytes > maxPathBytes {
		return span{}, false
	}
	path := md.appendPath(n)
	md.pathBytes += int(path.To - path.From)
	slot.node, slot.path = n, path
	return path, true
}

// appendPath appends the selector path of element n to selBuf, after any
// step it makes: the steps from n up to its anchor, joined.
func (md *model) appendPath(n nodeID) span {
	chain := md.selChain[:0]
	for {
		s, anchor := md.selectorStep(n)
		chain = append(chain, s)
		p := md.Nodes[n].Parent
		if anchor || !md.Element(p) {
			break
		}
		n = p
	}
	md.selChain = chain
	b := md.selBuf
	from := len(b)
	for i := len(chain) - 1; i >= 0; i-- {
		b = append(b, b[chain[i].From:chain[i].To]...)
		if i > 0 {
			b = append(b, " > "...)
		}
	}
	md.selBuf = b
	return span{From: int32(from), To: int32(len(b))}
}

// selectorStep makes the step of n in selBuf, memoized: the entries of a
// list share the steps of the list and its ancestors. anchor says that a
// path starts at n (html, head, body, or an element with an id); it is
// memoized with the step, as every path asks it of each of its steps.
func (md *model) selectorStep(n nodeID) (step span, anchor bool) {
	info := md.infoOf(n)
	if info.memo&memoSelector != 0 {
		return info.sel, info.memo&memoAnchor != 0
	}
	from := len(md.selBuf)
	b := md.selBuf
	name := md.Name(n)
	switch {
	case md.isRootName(n):
		b = append(b, name...)
		anchor = true
	case md.hasID(n):
		b = append(b, idSelector(name, string(md.attrBytes(n, atom.Id)))...)
		anchor = true
	default:
		b = append(b, name...)
		b = append(b, ":nth-child("...)
		b = strconv.AppendInt(b, int64(md.nth(n)), 10)
		b = append(b, ')')
	}
	md.selBuf = b
	info = md.infoOf(n)
	info.sel, info.memo = span{From: int32(from), To: int32(len(b))}, info.memo|memoSelector
	if anchor {
		info.memo |= memoAnchor
	}
	return info.sel, anchor
}

func (md *model) isRootName(n nodeID) bool {
	switch md.Nodes[n].Atom {
	case atom.Html, atom.Head, atom.Body:
		return true
	}
	return false
}

func (md *model) hasID(n nodeID) bool { return len(md.attrBytes(n, atom.Id)) > 0 }

func (md *model) attrBytes(n nodeID, k atom.Atom) []byte {
	v, _ := md.Attr(n, k)
	return v
}

// nth is the position of element n among its parent's element children,
// counted for all of them at once.
func (md *model) nth(n nodeID) int {
	if md.infoOf(n).nth == 0 {
		i := int32(0)
		for c := md.Nodes[md.Nodes[n].Parent].First; c != 0; c = md.Nodes[c].Next {
			if !md.Nodes[c].Text {
				i++
				md.infoOf(c).nth = i
			}
		}
	}
	return int(md.infoOf(n).nth)
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
