package htmltree

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Builder reads a page in one pass of x/net/html's tokenizer and builds its
// tree the way browsers do (treecons.go, tables.go, formatting.go). What
// the tree does not keep — each start tag as the source has it, comments —
// it tells a Watcher on the way. A Builder is reused from page to page: its
// arena and tables stay.
type Builder struct {
	Tree
	z     *html.Tokenizer
	tok   token
	lower []byte // a tag name in lower case
	watch Watcher

	tagAtoms, attrAtoms atomCache // kept from page to page

	stack []NodeID // the stack of open elements
	afe   []NodeID // the list of active formatting elements; 0 is a marker

	head, body, form NodeID
	ctx              NodeID // the innermost open table part, cell, caption or template
	templates        int    // open templates
	openP            int    // open p elements
	rawText          bool   // the current node takes the tokenizer's raw text
	fosterParenting  bool
	frameset         bool // the page is a frameset: the rest makes no nodes
	quirks, doctype  bool
	// amp and cr are the offsets of the page's first "&" and carriage
	// return at or after the current token (len(Page) for none), -1 until
	// found: tokens come in order, so that each is looked for once for all
	// the tokens before it (see plain), not twice in every token.
	amp, cr int

	// CutLinks pairs the offset of an a's start tag with that of the a
	// start tag that closed it: browsers nest no links.
	CutLinks [][2]int32
}

// A Watcher is told, as the builder reads the page, what the tree does not
// keep.
type Watcher interface {
	// StartTag is each start tag in source order, after the tree
	// construction ran it (tag.Node is the element it made, if any).
	StartTag(tag *Tag)
	// Comment is each comment's text, and the offsets of its first and
	// last bytes.
	Comment(text []byte, from, to int)
}

// Tag is a start tag: its name and attributes saved in the tree.
type Tag struct {
	Atom     atom.Atom // 0 for a name of no atom
	Attrs    Span      // a range of Tree.Attrs
	Flags    uint16    // the flagged attributes it has: see FlagOf
	Off, End int32     // the offsets of its first byte and of the byte after it
	Node     NodeID    // the element it made, 0 when the tree construction ignored it
}

// token is the current token.
type token struct {
	Tag
	kind        html.TokenType
	Name        Span // the name of a tag of no atom
	selfClosing bool
	Text        []byte // of a text token, valid until the next token
	inPage      bool   // Text is the page's bytes (else the tokenizer's)
}

// MaxDepth caps the stack of open elements, as x/net/html's parser and
// Chromium cap the depth of the DOM (see docs/page-model.md): a start tag
// that would open one more element closes the deepest one first, so
// whatever the nesting, every search of the stack is bounded and the
// parse is linear in the page's length.
const MaxDepth = 512

// Build builds the tree of the page given to Reset, telling w (if not nil)
// what the tree does not keep.
func (b *Builder) Build(w Watcher) {
	b.watch = w
	b.run()
	b.watch = nil
}

// Reset empties the tree, keeping its arena, for page.
func (b *Builder) Reset(page []byte) {
	b.clearFor(page)
	*b = Builder{
		Tree: b.Tree, tagAtoms: b.tagAtoms, attrAtoms: b.attrAtoms,
		stack: b.stack[:0], afe: b.afe[:0], quirks: true, CutLinks: b.CutLinks[:0],
		amp: -1, cr: -1,
	}
}

// run builds the tree of b.Page.
func (b *Builder) run() {
	b.z = html.NewTokenizer(bytes.NewReader(b.Page))
	off := 0
	for {
		if cdataAt(b.Page, off) {
			// The tokenizer reads a CDATA section as text in foreign
			// content, as a comment elsewhere; only there does it ask.
			top := b.top()
			b.z.AllowCDATA(top != 0 && b.Nodes[top].NS != NSHTML)
		}
		tt := b.z.Next()
		raw := b.z.Raw()
		b.tok = token{kind: tt, Tag: Tag{Off: int32(off), End: int32(off + len(raw))}}
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			for !b.step() { // the end of the page implies html, head and body
			}
			return
		case html.TextToken:
			// The text is the page's bytes but where the tokenizer would
			// decode a reference or a carriage return, or leave out the
			// markers of a CDATA section (a text that begins with "<" is
			// rare enough to be asked of the tokenizer whatever it is).
			b.tok.Text = b.Page[b.tok.Off:b.tok.End]
			b.tok.inPage = b.Page[b.tok.Off] != '<' && b.plain(int(b.tok.Off), int(b.tok.End))
			if !b.tok.inPage {
				b.tok.Text = b.z.Text()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			b.readTag(true)
			b.tok.kind, b.tok.selfClosing = html.StartTagToken, tt == html.SelfClosingTagToken
		case html.EndTagToken:
			b.readTag(false)
		case html.CommentToken:
			if b.watch != nil {
				b.watch.Comment(b.z.Text(), int(b.tok.Off), int(b.tok.End)-1)
			}
			continue
		case html.DoctypeToken:
			if len(b.Nodes) == 1 && !b.doctype {
				b.quirks, b.doctype = quirksDoctype(b.z.Text()), true
			}
			continue
		}
		for !b.step() {
		}
		if b.watch != nil && (tt == html.StartTagToken || tt == html.SelfClosingTagToken) {
			b.watch.StartTag(&b.tok.Tag)
		}
	}
}

// cdataAt: a CDATA section may start at offset off of page.
func cdataAt(page []byte, off int) bool {
	return off+2 < len(page) && page[off] == '<' && page[off+1] == '!' && page[off+2] == '['
}

// readTag saves the name and (for a start tag) the attributes of the
// current tag token, as spans of the page: the tokenizer's TagName and
// TagAttr would copy every name and value. A tag with a character
// reference or a carriage return is left to TagAttr, which decodes them;
// the rest is read here as the tokenizer reads it (FuzzAttrs holds the two
// equal): the name runs from "<" or "</" to white space, "/" or ">"; a key
// to white space, "/", ">" or "="; a value is quoted, or runs to white
// space or ">".
func (b *Builder) readTag(withAttrs bool) {
	raw := b.Page[b.tok.Off:b.tok.End]
	i := 1
	if raw[1] == '/' {
		i = 2
	}
	name, a, i := b.readName(raw, i, isSpace|isSlash|isGT, &b.tagAtoms, tagAtom)
	if b.tok.Atom = a; a == 0 {
		b.tok.Name = b.save(name)
	}
	from := len(b.Attrs)
	if withAttrs && i < len(raw) && raw[i] != '>' {
		b.readAttrs(raw, i)
	}
	b.tok.Attrs = Span{int32(from), int32(len(b.Attrs))}
}

// readAttrs saves the attributes of the current start tag, raw, from
// raw[i:] on.
func (b *Builder) readAttrs(raw []byte, i int) {
	off, from := int(b.tok.Off), len(b.Attrs)
	if !b.plain(off, int(b.tok.End)) {
		for more := true; more; {
			var k, v []byte
			if k, v, more = b.z.TagAttr(); k != nil {
				b.addAttr(from, k, b.attrAtoms.get(k, attrAtomName), b.save(v))
			}
		}
		return
	}
	for {
		for i < len(raw) && byteClass[raw[i]]&(isSpace|isSlash) != 0 {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			return
		}
		key, a, next := b.readName(raw, i, isSpace|isSlash|isGT|isEq, &b.attrAtoms, attrAtomName)
		i = next
		j := skipSpace(raw, i)
		if j == len(raw) || raw[j] != '=' {
			b.addAttr(from, key, a, Span{})
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
			for j < len(raw) && byteClass[raw[j]]&(isSpace|isGT) == 0 {
				j++
			}
			i = j
		}
		val := Span{int32(off + v), int32(off + max(v, j))}
		if len(b.Attrs) == from && a != 0 && a < AttrRole {
			// addAttr, for a tag's first attribute named by an atom, as
			// most are: there is nothing to compare it with or to save.
			b.Attrs = append(b.Attrs, Attr{Key: a, Val: val})
			b.tok.Flags |= FlagOf(a)
			continue
		}
		b.addAttr(from, key, a, val)
	}
}

// readName reads a tag name or key from raw[from:] in lower case, and its
// atom through cache: it ends at a byte of class stop (white space, "/",
// ">"; "=" too for a key, though a key's first byte may be one); next is
// where it ends.
func (b *Builder) readName(raw []byte, from int, stop byte, cache *atomCache, lookup func([]byte) (atom.Atom, string)) (name []byte, a atom.Atom, next int) {
	i, upper := from+1, byteClass[raw[from]]
	for i < len(raw) {
		c := byteClass[raw[i]]
		if c&stop != 0 {
			break
		}
		upper |= c
		i++
	}
	if name = raw[from:i]; upper&isUpper != 0 {
		b.lower = b.lower[:0]
		for _, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.lower = append(b.lower, c)
		}
		name = b.lower
	}
	k := prefix(name) // cache.get, inlined: most names are found there
	if e := cache.slot(k); e.holds(name, k) {
		return name, e.atom, i
	}
	return name, cache.miss(name, k, lookup), i
}

// addAttr adds an attribute to those of the tag from attrs[from:] on;
// a repeated one is dropped, as the tokenizer drops it.
func (b *Builder) addAttr(from int, key []byte, k atom.Atom, val Span) {
	a := Attr{Key: k, Val: val}
	for _, o := range b.Attrs[from:] {
		if o.Key == a.Key && (a.Key != 0 || bytes.Equal(b.Bytes(o.Name), key)) {
			return
		}
	}
	if a.Key == 0 || a.Key >= AttrRole {
		a.Name = b.save(key)
	}
	b.Attrs = append(b.Attrs, a)
	b.tok.Flags |= FlagOf(a.Key)
}

// plain: the tokenizer gives the page's bytes from from to to as they
// are, with no character reference or carriage return to decode.
func (b *Builder) plain(from, to int) bool {
	if b.amp < from || b.cr < from {
		b.findDecoded(from)
	}
	return b.amp >= to && b.cr >= to
}

// findDecoded finds the page's first "&" and carriage return from from on,
// where it has not yet.
func (b *Builder) findDecoded(from int) {
	if b.amp < from {
		b.amp = nextByte(b.Page, from, '&')
	}
	if b.cr < from {
		b.cr = nextByte(b.Page, from, '\r')
	}
}

// nextByte is the offset of the first c in page from from on, len(page)
// for none.
func nextByte(page []byte, from int, c byte) int {
	if i := bytes.IndexByte(page[from:], c); i >= 0 {
		return from + i
	}
	return len(page)
}

// byteClass classes the bytes that end names, keys and values, and white
// space: a tag is read a byte at a time.
var byteClass = func() (t [256]byte) {
	for _, c := range []byte(" \t\n\r\f") {
		t[c] = isSpace
	}
	t['/'], t['>'], t['='] = isSlash, isGT, isEq
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = isUpper
	}
	return t
}()

const (
	isSpace byte = 1 << iota
	isSlash
	isGT
	isEq
	isUpper
)

func isSpaceByte(c byte) bool { return byteClass[c]&isSpace != 0 }

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && isSpaceByte(raw[i]) {
		i++
	}
	return i
}
