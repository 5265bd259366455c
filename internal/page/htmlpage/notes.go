package htmlpage

import (
	"bytes"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/accname"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"github.com/pagelint/pagelint/internal/page/selector"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"golang.org/x/net/html/atom"
)

// parser is one parse's state, kept from page to page: the tree's builder,
// what the start tags and comments tell of the page, which the builder
// tells it as it reads them (StartTag, Comment), and the model's scratch
// space.
type parser struct {
	htmltree.Builder
	hrefs urlnorm.Hrefs // see entry

	links   []tagRef // start tags with references, in source order
	anchors []span   // ids and a[name]s, in source order
	base    span
	hasBase bool
	refresh []byte
	ogURL   []byte // the first og:url, nil for none
	maps    []span // the names and ids of map elements
	title   nodeID // the first title element

	directives []directive

	// the model's scratch space
	info      []nodeInfo
	lineTable page.Lines
	paths     selector.Page // the selector paths of the page's elements
	names     accname.Namer // the names of the page's elements, and its ids
	controls  []nodeID      // see model.scan
	entries   []*page.Entry // see nodeInfo.entry
	made      []*page.Link  // the page's links, copied to its model (makeLinks)
	md        model         // the model read of the tree (newModel)
}

// nodeID indexes the tree's nodes; 0, the document, means none in a link
// field.
type nodeID = htmltree.NodeID

// span is a range of the page's bytes or of the tree's buffer.
type span = htmltree.Span

// tagRef is a start tag with attributes that reference other resources.
type tagRef struct {
	node  nodeID // 0 when the tree construction ignored the tag
	tag   atom.Atom
	attrs span
	off   int32
}

// directive is a suppression comment; from and to are the offsets of its
// first and last bytes.
type directive struct {
	name     string
	rules    []string
	from, to int
}

// reset empties the parser for data, keeping its arenas.
func (ps *parser) reset(data []byte) {
	ps.Reset(data)
	// The pool keeps no page's model alive: up to the capacity, as a parser
	// that Parse restored after a page too large to keep holds that page's
	// pointers past the length.
	clear(ps.entries[:cap(ps.entries)])
	clear(ps.made[:cap(ps.made)])
	ps.lineTable.Reset(nil)
	ps.paths.Reset(nil) // drops the DOM a config's selector made
	*ps = parser{
		Builder: ps.Builder, hrefs: ps.hrefs,
		links: ps.links[:0], anchors: ps.anchors[:0], maps: ps.maps[:0], directives: ps.directives[:0],
		info: ps.info[:0], lineTable: ps.lineTable, paths: ps.paths,
		names:    ps.names,
		controls: ps.controls[:0], entries: ps.entries[:0], made: ps.made[:0], md: ps.md.scratch(),
	}
}

// StartTag notes what a start tag tells of the page.
func (ps *parser) StartTag(t *htmltree.Tag) {
	if t.Flags&htmltree.FlagOf(atom.Id) != 0 {
		if id, _ := ps.AttrSpan(t.Attrs, atom.Id); id.To > id.From {
			ps.anchors = append(ps.anchors, id)
		}
	}
	if t.Atom == atom.A {
		if name, _ := ps.AttrSpan(t.Attrs, atom.Name); name.To > name.From {
			ps.anchors = append(ps.anchors, name)
		}
	}
	foreign := t.Node != 0 && ps.Nodes[t.Node].NS != htmltree.NSHTML
	switch {
	case foreign:
	case htmltree.PropsOf(t.Atom)&htmltree.Refs != 0:
		ps.links = append(ps.links, tagRef{node: t.Node, tag: t.Atom, attrs: t.Attrs, off: t.Off})
	}
	switch t.Atom {
	case atom.Base:
		if href, ok := ps.AttrSpan(t.Attrs, atom.Href); ok && !ps.hasBase {
			ps.base, ps.hasBase = href, true
		}
	case atom.Meta:
		if he, _ := ps.AttrIn(t.Attrs, atom.HttpEquiv); bytes.EqualFold(bytes.TrimSpace(he), []byte("refresh")) && !foreign {
			// Every refresh is a link; the first is the page's redirect.
			ps.links = append(ps.links, tagRef{node: t.Node, tag: t.Atom, attrs: t.Attrs, off: t.Off})
			if ps.refresh == nil {
				content, _ := ps.AttrIn(t.Attrs, atom.Content)
				ps.refresh = append([]byte{}, htmltree.RefreshURL(string(content))...)
			}
		}
		if ps.ogURL == nil && ps.isOGURL(t.Attrs) {
			content, _ := ps.AttrIn(t.Attrs, atom.Content)
			ps.ogURL = append([]byte{}, bytes.TrimSpace(content)...)
		}
	case atom.Map:
		for _, k := range [...]atom.Atom{atom.Name, atom.Id} {
			if v, ok := ps.AttrSpan(t.Attrs, k); ok && v.To > v.From {
				ps.maps = append(ps.maps, v)
			}
		}
	case atom.Title:
		if ps.title == 0 && t.Node != 0 && !foreign {
			ps.title = t.Node
		}
	}
}

// Comment notes a suppression directive (see page.Directives).
func (ps *parser) Comment(text []byte, from, to int) {
	if !bytes.Contains(text, []byte("pagelint-")) {
		return
	}
	if name, rules, ok := page.ParseDirective(string(text)); ok {
		ps.directives = append(ps.directives, directive{name, rules, from, to})
	}
}

// suppressions applies the directives, in source order.
func (ps *parser) suppressions(l *page.Lines) []page.Suppression {
	var d page.Directives
	for _, c := range ps.directives {
		from, to := l.Line(c.from), l.Line(c.to)
		d.Apply(c.name, c.rules, from, to, to+1)
	}
	return d.Close(l.Count())
}

// isOGURL: the meta element's attributes s name og:url, by property (as
// the Open Graph protocol writes it) or name.
func (ps *parser) isOGURL(s span) bool {
	prop, _ := ps.AttrNamed(s, "property")
	name, _ := ps.AttrIn(s, atom.Name)
	return page.EqualFoldASCII(bytes.TrimSpace(prop), "og:url") || page.EqualFoldASCII(bytes.TrimSpace(name), "og:url")
}
