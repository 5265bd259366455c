package htmlpage

import (
	"unsafe"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A region whose markup is regular — every element closed in order, or
// closed the way the HTML parser closes it silently (p, li, dd, dt, option)
// — gets the same tree from the tree-construction algorithm as from simply
// nesting its tags. The stream builds such trees itself, as it reads, and
// saves the second tokenization and parse. At the first irregularity (a
// misnested formatting element, a table, a stray end tag, foreign content
// the parser would break out of …) the region falls back to html.Parse of
// its captured bytes, so malformed regions are modelled exactly as browsers
// build them.

// directTrees can be turned off by tests, to compare both ways.
var directTrees = true

var formatting = atomSet(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I,
	atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)

// impliedEnd elements are closed silently by the end tag of an ancestor.
var impliedEnd = atomSet(atom.P, atom.Li, atom.Dd, atom.Dt, atom.Option, atom.Optgroup,
	atom.Rb, atom.Rp, atom.Rt, atom.Rtc)

// irregularStart tags have insertion modes of their own.
var irregularStart = atomSet(atom.Table, atom.Caption, atom.Colgroup, atom.Col, atom.Tbody,
	atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Select, atom.Template,
	atom.Frameset, atom.Frame, atom.Math, atom.Image, atom.Nobr, atom.Applet, atom.Object,
	atom.Marquee, atom.Html, atom.Head, atom.Body, atom.Plaintext, atom.Form, atom.Noscript)

// foreignBreakout tags end svg content in the parser.
var foreignBreakout = atomSet(atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br,
	atom.Center, atom.Code, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1,
	atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li,
	atom.Listing, atom.Menu, atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby,
	atom.S, atom.Small, atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table,
	atom.Tt, atom.U, atom.Ul, atom.Var, atom.Font)

// directTree is the tree a regular region builds as the stream reads it.
type directTree struct {
	ok   bool
	root *html.Node
}

// dnode is a node of a direct tree with the source offset of its start
// tag. Node comes first, so a *html.Node of a direct tree is its dnode.
type dnode struct {
	html.Node
	off int

	// what the stream knew of the element: its control kind, and whether
	// it or an ancestor (in or above the region) is hidden
	kind   string
	hidden bool

	// memos of the builder, in place of maps for the common direct trees
	entry    *page.Entry
	sel      string
	heading  *html.Node
	group    groupResult
	above    string // see groupAbove
	memoized memo
}

type memo uint8

const (
	memoHeading memo = 1 << iota
	memoGroup
	memoAbove
)

func asDnode(n *html.Node) *dnode { return (*dnode)(unsafe.Pointer(n)) }

// directOffset returns the offset of n, a node of a direct tree.
func directOffset(n *html.Node) int {
	return (*dnode)(unsafe.Pointer(n)).off
}

// building reports whether the active region still builds its own tree.
func (s *stream) building() bool {
	r := s.caps.region
	return r != nil && r.direct.ok
}

func (s *stream) irregular() {
	if r := s.caps.region; r != nil {
		r.direct.ok = false
	}
}

// directElement adds element e (a start tag at off, with facts f) under
// parent, the tree node of the element it stands in (nil for the region
// root).
func (s *stream) directElement(off int, e *openElem, parent *openElem, attrs []html.Attribute, f *tagFacts) {
	d := &s.caps.region.direct
	if e.props&pIrregular != 0 || (parent.foreign && e.props&pBreakout != 0) {
		d.ok = false
		return
	}
	n := s.sc.node(off)
	n.Type, n.Data, n.DataAtom = html.ElementNode, e.name, e.atom
	dn := asDnode(n)
	dn.kind, dn.hidden = controlKindFacts(e.atom, attrs, f), e.hidden
	if e.foreign {
		n.Namespace = "svg"
	}
	if len(attrs) > 0 {
		n.Attr = s.sc.attrCopy(attrs)
	}
	e.tnode = n
	switch {
	case parent.tnode != nil:
		parent.tnode.AppendChild(n)
	case d.root == nil:
		d.root = n
	default:
		d.ok = false
	}
}

// directText adds a text node; text inData is the page's own and needs no
// copy (see tokenText).
func (s *stream) directText(text []byte, inData bool) {
	top := s.top()
	if top.tnode == nil {
		s.irregular()
		return
	}
	n := s.sc.node(-1)
	n.Type = html.TextNode
	switch {
	case len(text) == 0:
	case inData:
		n.Data = unsafe.String(&text[0], len(text))
	default:
		n.Data = s.str(text)
	}
	top.tnode.AppendChild(n)
}
