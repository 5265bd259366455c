package htmlpage

import (
	"bytes"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// builder reads a page in one pass of x/net/html's tokenizer and builds its
// tree the way browsers do (treecons.go, tables.go, formatting.go), noting
// on the way what single tags tell: links, anchors, the base, the refresh,
// suppression comments.
type builder struct {
	tree
	z     *html.Tokenizer
	data  []byte
	tok   token
	lower []byte // a tag name in lower case

	tagAtoms, attrAtoms atomCache     // kept from page to page
	hrefs               urlnorm.Hrefs // the same: see entry

	stack []nodeID // the stack of open elements
	afe   []nodeID // the list of active formatting elements; 0 is a marker

	head, body, form nodeID
	ctx              nodeID // the innermost open table part, cell, caption or template
	templates        int    // open templates
	openP            int    // open p elements
	rawText          bool   // the current node takes the tokenizer's raw text
	fosterParenting  bool
	frameset         bool // the page is a frameset: the rest makes no nodes
	quirks, doctype  bool

	links   []tagRef // start tags with references, in source order
	anchors []span   // ids and a[name]s, in source order
	base    span
	hasBase bool
	refresh []byte
	ogURL   []byte // the first og:url, nil for none
	maps    []span // the names and ids of map elements
	title   nodeID // the first title element

	// cutLinks pairs the offset of an a's start tag with that of the a
	// start tag that closed it: browsers nest no links.
	cutLinks [][2]int32

	// the model's scratch space, kept from page to page
	info       []nodeInfo
	slots      []int32 // see model.infoOf
	lineBuf    []int
	selBuf     []byte // selector steps
	selChain   []span // the steps of one selector path
	names      nameText
	directives []directive
}

// token is the current token, its names and attributes saved in the tree.
type token struct {
	kind        html.TokenType
	atom        atom.Atom
	name        span
	attrs       span
	selfClosing bool
	asked       uint16 // see askedBit
	off, end    int32
	text        []byte // of a text token, valid until the next token
	inPage      bool   // text is the page's bytes (else the tokenizer's)
	node        nodeID // the element the start tag made, if any
}

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

// maxDepth caps the stack of open elements, as x/net/html's parser and
// Chromium cap the depth of the DOM (see docs/page-model.md): a start tag
// that would open one more element closes the deepest one first, so
// whatever the nesting, every search of the stack is bounded and the
// parse is linear in the page's length.
const maxDepth = 512

func (b *builder) reset(data []byte) {
	b.tree.reset(data)
	*b = builder{
		tree: b.tree, data: data, tagAtoms: b.tagAtoms, attrAtoms: b.attrAtoms, hrefs: b.hrefs,
		stack: b.stack[:0], afe: b.afe[:0], quirks: true,
		links: b.links[:0], anchors: b.anchors[:0], maps: b.maps[:0], directives: b.directives[:0],
		cutLinks: b.cutLinks[:0], info: b.info[:0], slots: b.slots[:0], lineBuf: b.lineBuf[:0], selBuf: b.selBuf[:0],
		selChain: b.selChain[:0],
		names:    nameText{full: b.names.full[:0], visible: b.names.visible[:0]},
	}
}

// run builds the tree of b.data.
func (b *builder) run() {
	b.z = html.NewTokenizer(bytes.NewReader(b.data))
	off := 0
	for {
		top := b.top()
		b.z.AllowCDATA(top != 0 && b.nodes[top].ns != nsHTML)
		tt := b.z.Next()
		raw := b.z.Raw()
		b.tok = token{kind: tt, off: int32(off), end: int32(off + len(raw))}
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			for !b.step() { // the end of the page implies html, head and body
			}
			return
		case html.TextToken:
			// The text is the page's bytes but where the tokenizer would
			// decode a reference or a carriage return.
			b.tok.text, b.tok.inPage = b.data[b.tok.off:b.tok.end], plain(raw)
			if !b.tok.inPage {
				b.tok.text = b.z.Text()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			b.readTag(true)
			b.tok.kind, b.tok.selfClosing = html.StartTagToken, tt == html.SelfClosingTagToken
		case html.EndTagToken:
			b.readTag(false)
		case html.CommentToken:
			b.comment()
			continue
		case html.DoctypeToken:
			if len(b.nodes) == 1 && !b.doctype {
				b.quirks, b.doctype = quirksDoctype(b.z.Text()), true
			}
			continue
		}
		for !b.step() {
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			b.noteTag()
		}
	}
}

// readTag saves the name and (for a start tag) the attributes of the
// current tag token, as spans of the page: the tokenizer's TagName and
// TagAttr would copy every name and value. A tag with a character
// reference or a carriage return is left to TagAttr, which decodes them;
// the rest is read here as the tokenizer reads it (FuzzAttrs holds the two
// equal): the name runs from "<" or "</" to white space, "/" or ">"; a key
// to white space, "/", ">" or "="; a value is quoted, or runs to white
// space or ">".
func (b *builder) readTag(withAttrs bool) {
	off, raw := int(b.tok.off), b.data[b.tok.off:b.tok.end]
	i := 1
	if raw[1] == '/' {
		i = 2
	}
	name, i := b.lowerName(raw, i, len(raw))
	if b.tok.atom = b.tagAtoms.get(name, tagAtom); b.tok.atom == 0 {
		b.tok.name = b.save(name)
	}
	from := len(b.attrs)
	defer func() { b.tok.attrs = span{int32(from), int32(len(b.attrs))} }()
	if !withAttrs {
		return
	}
	if !plain(raw) {
		for more := true; more; {
			var k, v []byte
			if k, v, more = b.z.TagAttr(); k != nil {
				b.addAttr(from, k, b.save(v))
			}
		}
		return
	}
	for {
		for i < len(raw) && (isSpaceByte(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			return
		}
		var key []byte
		key, i = b.lowerName(raw, i, i+1) // a leading "=" is part of the key
		j := skipSpace(raw, i)
		if j == len(raw) || raw[j] != '=' {
			b.addAttr(from, key, span{})
			continue
		}
		j = skipSpace(raw, j+1)
		v := j
		switch raw[j] {
		case '>':
			i = j
		case '"', '\'':
			v++
			j = v + max(0, bytes.IndexByte(raw[v:], raw[j]))
			i = j + 1
		default:
			for j < len(raw) && !isSpaceByte(raw[j]) && raw[j] != '>' {
				j++
			}
			i = j
		}
		b.addAttr(from, key, span{int32(off + v), int32(off + max(v, j))})
	}
}

// lowerName reads a tag name or key from raw[from:] in lower case: it ends
// at white space, "/", ">" or (from eq on) "="; next is where it ends.
func (b *builder) lowerName(raw []byte, from, eq int) (name []byte, next int) {
	i, upper := from, byte(0)
	for ; i < len(raw); i++ {
		c := nameBytes[raw[i]]
		if c&nameEnd != 0 || c&nameEq != 0 && i >= eq {
			break
		}
		upper |= c
	}
	if name = raw[from:i]; upper&nameUpper != 0 {
		b.lower = b.lower[:0]
		for _, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.lower = append(b.lower, c)
		}
		name = b.lower
	}
	return name, i
}

// addAttr adds an attribute to those of the tag from attrs[from:] on;
// a repeated one is dropped, as the tokenizer drops it.
func (b *builder) addAttr(from int, key []byte, val span) {
	a := attr{key: b.attrAtoms.get(key, attrAtomName), val: val}
	for _, o := range b.attrs[from:] {
		if o.key == a.key && (a.key != 0 || bytes.Equal(b.bytes(o.name), key)) {
			return
		}
	}
	if a.key == 0 || a.key >= attrRole {
		a.name = b.save(key)
	}
	b.attrs = append(b.attrs, a)
	b.tok.asked |= askedBit(a.key)
}

// plain: the tokenizer gives the bytes of raw as they are, with no
// character reference or carriage return to decode.
func plain(raw []byte) bool {
	return bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0
}

// nameBytes classes the bytes of names and keys for lowerName.
var nameBytes = func() (t [256]byte) {
	for _, c := range []byte(" \t\n\r\f/>") {
		t[c] = nameEnd
	}
	t['='] = nameEq
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = nameUpper
	}
	return t
}()

const (
	nameEnd byte = 1 << iota
	nameEq
	nameUpper
)

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && isSpaceByte(raw[i]) {
		i++
	}
	return i
}

// noteTag records what the start tag just read tells of the page.
func (b *builder) noteTag() {
	t := &b.tok
	if t.asked&askedBit(atom.Id) != 0 {
		if id, _ := b.attrSpan(t.attrs, atom.Id); id.to > id.from {
			b.anchors = append(b.anchors, id)
		}
	}
	if t.atom == atom.A {
		if name, _ := b.attrSpan(t.attrs, atom.Name); name.to > name.from {
			b.anchors = append(b.anchors, name)
		}
	}
	foreign := t.node != 0 && b.nodes[t.node].ns != nsHTML
	switch {
	case foreign:
	case propsOf(t.atom)&pRefs != 0:
		b.links = append(b.links, tagRef{node: t.node, tag: t.atom, attrs: t.attrs, off: t.off})
	}
	switch t.atom {
	case atom.Base:
		if href, ok := b.attrSpan(t.attrs, atom.Href); ok && !b.hasBase {
			b.base, b.hasBase = href, true
		}
	case atom.Meta:
		if he, _ := b.attrIn(t.attrs, atom.HttpEquiv); bytes.EqualFold(bytes.TrimSpace(he), []byte("refresh")) && !foreign {
			// Every refresh is a link; the first is the page's redirect.
			b.links = append(b.links, tagRef{node: t.node, tag: t.atom, attrs: t.attrs, off: t.off})
			if b.refresh == nil {
				content, _ := b.attrIn(t.attrs, atom.Content)
				b.refresh = append([]byte{}, refreshURL(string(content))...)
			}
		}
		if b.ogURL == nil && b.isOGURL(t.attrs) {
			content, _ := b.attrIn(t.attrs, atom.Content)
			b.ogURL = append([]byte{}, bytes.TrimSpace(content)...)
		}
	case atom.Map:
		for _, k := range [...]atom.Atom{atom.Name, atom.Id} {
			if v, ok := b.attrSpan(t.attrs, k); ok && v.to > v.from {
				b.maps = append(b.maps, v)
			}
		}
	case atom.Title:
		if b.title == 0 && t.node != 0 && !foreign {
			b.title = t.node
		}
	}
}

// comment notes a suppression directive (see page.Directives) in the
// comment token just read.
func (b *builder) comment() {
	text := b.z.Text()
	if !bytes.Contains(text, []byte("pagelint-")) {
		return
	}
	if name, rules, ok := page.ParseDirective(string(text)); ok {
		b.directives = append(b.directives, directive{name, rules, int(b.tok.off), int(b.tok.end) - 1})
	}
}

// suppressions applies the directives, in source order.
func (b *builder) suppressions(l *lines) []page.Suppression {
	var d page.Directives
	for _, c := range b.directives {
		from, to := l.line(c.from), l.line(c.to)
		d.Apply(c.name, c.rules, from, to, to+1)
	}
	return d.Close(len(l.starts))
}
