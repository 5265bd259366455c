package htmltree

import (
	"bytes"
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pagelint/pagelint/internal/page"
)

// The tree construction keeps one stack of open elements and applies the
// rules of the HTML standard that decide where an element stands, as
// browsers do: html, head and body implied; end tags left out (p, li, dt,
// dd, option, headings, buttons); misnested formatting elements and links
// (formatting.go); tables and templates (tables.go); foreign content. It
// keeps no insertion modes: what the standard's modes decide is read off
// the stack (the innermost table part, cell or template). The tokenizer
// reads raw text (script, style, textarea …) itself; comments make no
// nodes, and scripting is on (noscript holds raw text). Frameset pages are
// read as far as the frameset. docs/page-model.md says where the tree may
// differ from a browser's.

// step runs the current token through the rules; it reports whether the
// token was consumed (if not, a rule changed the state and it is read
// again).
func (b *Builder) step() bool {
	switch {
	case b.frameset:
		return true
	case b.rawText:
		return b.inRawText()
	case b.body == 0 && b.templates == 0:
		return b.beforeBody()
	case b.Nodes[b.top()].NS != NSHTML && b.inForeign():
		return b.foreignContent()
	case b.ctx != 0:
		return b.inTable()
	case b.tok.kind == html.StartTagToken: // inBody's, without its call
		return b.inBodyStart()
	case b.tok.kind == html.EndTagToken:
		return b.inBodyEnd()
	}
	return b.inBody()
}

func (b *Builder) top() NodeID {
	if len(b.stack) == 0 {
		return 0
	}
	return b.stack[len(b.stack)-1]
}

// push opens n; push and pop count the open p elements (block start tags
// look for one, and on a deep stack the search is long) and templates, and
// keep the innermost table part: both run for every element, so they do
// it themselves, and setOpen when an element leaves or joins the stack
// elsewhere.
func (b *Builder) push(n NodeID) {
	nd := &b.Nodes[n]
	nd.open = true
	if nd.NS == NSHTML {
		b.count(nd.Atom, 1)
		if nd.Props&pTableCtx != 0 {
			b.ctx = n
		}
	}
	b.stack = append(b.stack, n)
}

func (b *Builder) pop() NodeID {
	n := b.top()
	if n == 0 {
		return 0
	}
	b.stack = b.stack[:len(b.stack)-1]
	nd := &b.Nodes[n]
	nd.open = false
	if nd.NS == NSHTML {
		b.count(nd.Atom, -1)
		if n == b.ctx {
			b.findCtx()
		}
	}
	return n
}

// count counts an element a that opens (d = 1) or closes (d = -1).
func (b *Builder) count(a atom.Atom, d int) {
	switch a {
	case atom.P:
		b.openP += d
	case atom.Template:
		b.templates += d
	}
}

// setOpen marks n open or closed, as push and pop do.
func (b *Builder) setOpen(n NodeID, open bool) {
	nd := &b.Nodes[n]
	nd.open = open
	if nd.NS != NSHTML {
		return
	}
	d := 1
	if !open {
		d = -1
	}
	b.count(nd.Atom, d)
	if !open && n == b.ctx {
		b.findCtx()
	}
}

// findCtx finds the innermost table part, cell, caption or template open.
func (b *Builder) findCtx() {
	b.ctx = 0
	for i := len(b.stack) - 1; i >= 0 && b.ctx == 0; i-- {
		if s := b.stack[i]; b.Has(s, pTableCtx) {
			b.ctx = s
		}
	}
}

// popTo pops the stack down to length i.
func (b *Builder) popTo(i int) {
	for len(b.stack) > i {
		b.pop()
	}
}

// removeOpen takes n off the stack, wherever it stands.
func (b *Builder) removeOpen(n NodeID) {
	if i := b.indexOpen(n); i >= 0 {
		b.stack = slices.Delete(b.stack, i, i+1)
		b.setOpen(n, false)
	}
}

func (b *Builder) indexOpen(n NodeID) int {
	if !b.Nodes[n].open {
		return -1
	}
	return slices.Index(b.stack, n)
}

// insert makes an element of the current token and adds it where the
// current node takes content. A void element is closed at once; a raw
// text element takes the text that follows.
func (b *Builder) insert(ns Namespace) NodeID {
	t := &b.tok
	var props Props
	if ns == NSHTML {
		props = PropsOf(t.Atom)
	} else {
		props = b.foreignProps(ns, b.tokName(), t.Attrs)
	}
	n := NodeID(len(b.Nodes))
	b.Nodes = append(b.Nodes, Node{})
	nd := &b.Nodes[n] // written in place: a literal is built beside and copied
	nd.Atom, nd.Props, nd.NS, nd.Data, nd.Attrs, nd.Flags, nd.Off = t.Atom, props, ns, t.Name, t.Attrs, t.Flags, t.Off
	b.Elements++
	nd.Elem = b.Elements
	b.open(n)
	t.Node = n
	switch {
	case props&Void != 0:
		b.pop()
	case props&pRawText != 0:
		b.rawText = true
	}
	return n
}

// open adds element n where the current node takes content (or to its
// foster parent) and pushes it: on a full stack, the deepest element is
// closed first.
func (b *Builder) open(n NodeID) {
	if len(b.stack) >= MaxDepth {
		b.pop()
	}
	if b.fosterParenting && b.tablePart(b.top()) {
		parent, ref := b.fosterPlace()
		b.insertBefore(parent, n, ref)
	} else {
		b.appendChild(b.top(), n)
	}
	b.push(n)
}

func (b *Builder) tokName() []byte {
	if b.tok.Atom != 0 {
		return []byte(b.tok.Atom.String())
	}
	return b.Bytes(b.tok.Name)
}

// implied reads a tag that the markup leaves out (an implied body or
// tbody, the p of a stray </p>) as if it stood before the current token.
func (b *Builder) implied(kind html.TokenType, a atom.Atom) {
	saved := b.tok
	b.tok = token{kind: kind, Tag: Tag{Atom: a, Off: -1}}
	for !b.step() {
	}
	b.tok = saved
}

// addText adds text of the current token (the whole, or what is left of
// it after white space) where the current node takes content.
func (b *Builder) addText(text []byte) {
	if len(text) == 0 {
		return
	}
	at := -1
	if b.tok.inPage {
		at = int(b.tok.End) - len(text)
	}
	parent, ref := b.top(), NodeID(0)
	if b.fosterParenting && b.tablePart(parent) {
		parent, ref = b.fosterPlace()
	}
	if last := b.Nodes[parent].Last; ref == 0 && last != 0 && !b.Nodes[last].Text {
		// White space alone between elements, a quarter of the nodes of an
		// indented page, makes no node: the element before it says it is
		// there. Text that follows it after all (past a comment) gets it
		// back, so that no reader sees a difference but in the kind of
		// white space.
		switch l := &b.Nodes[last]; {
		case l.SpaceAfter:
			l.SpaceAfter = false
			b.Tree.addText(parent, 0, []byte{' '}, -1)
		case IsSpace(text):
			l.SpaceAfter = true
			return
		}
	}
	b.Tree.addText(parent, ref, text, at)
}

// IsSpace reports whether b is nothing but HTML white space.
func IsSpace(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

// inRawText: the text of a script, style, title, textarea … goes into it,
// and the next tag (its end tag) closes it.
func (b *Builder) inRawText() bool {
	if b.tok.kind == html.TextToken {
		b.addText(b.tok.Text)
		return true
	}
	b.rawText = false
	b.pop()
	return b.tok.kind == html.EndTagToken
}

// beforeBody reads what comes before the body: the html and head elements
// (implied when left out), and what belongs in the head. Anything else
// starts the body.
func (b *Builder) beforeBody() bool {
	t := &b.tok
	if len(b.stack) == 0 {
		if t.kind == html.TextToken && len(bytes.TrimLeft(t.Text, " \t\n\r\f")) == 0 {
			return true
		}
		if t.kind == html.StartTagToken && t.Atom == atom.Html {
			b.insert(NSHTML)
			return true
		}
		b.implied(html.StartTagToken, atom.Html)
	}
	switch t.kind {
	case html.TextToken:
		if t.Text = bytes.TrimLeft(t.Text, " \t\n\r\f"); len(t.Text) == 0 {
			return true
		}
	case html.StartTagToken:
		switch {
		case t.Atom == atom.Html:
			b.mergeAttrs(b.stack[0])
			return true
		case t.Atom == atom.Head:
			if b.head == 0 {
				b.head = b.insert(NSHTML)
			}
			return true
		case t.Atom == atom.Body:
			b.closeHead()
			b.body = b.insert(NSHTML)
			return true
		case t.Atom == atom.Frameset:
			b.frameset = true
			return true
		case PropsOf(t.Atom)&pHeadish != 0, t.Atom == atom.Noscript && (b.head == 0 || b.Nodes[b.head].open):
			b.inHead()
			return true
		}
	case html.EndTagToken:
		switch t.Atom {
		case atom.Head:
			b.closeHead()
			return true
		case atom.Template:
			b.endTemplate()
			return true
		case atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	}
	b.closeHead()
	b.implied(html.StartTagToken, atom.Body)
	return false
}

// inHead inserts an element of the head: into the head element (implied
// when left out, reopened for it after </head>).
func (b *Builder) inHead() {
	if b.head == 0 {
		b.implied(html.StartTagToken, atom.Head)
	}
	reopened := !b.Nodes[b.head].open
	if reopened {
		b.push(b.head)
	}
	if b.tok.Atom == atom.Template {
		b.startTemplate()
	} else {
		b.insert(NSHTML)
	}
	if reopened {
		b.removeOpen(b.head)
	}
}

// closeHead closes the head element, implied when left out.
func (b *Builder) closeHead() {
	if b.head == 0 {
		b.implied(html.StartTagToken, atom.Head)
	}
	if b.top() == b.head {
		b.pop()
	}
}

// inBody reads the body, where the end tags that were left out are implied
// and the misnesting of formatting elements is sorted out.
func (b *Builder) inBody() bool {
	switch b.tok.kind {
	case html.TextToken:
		b.reconstruct()
		b.addText(b.tok.Text)
	case html.StartTagToken:
		return b.inBodyStart()
	case html.EndTagToken:
		return b.inBodyEnd()
	}
	return true
}

// inBodyStart reads a start tag in the body. The tags of rules of their
// own are told by their atom, the rest by their class (at one compare a
// case, an inline element came after some thirty).
func (b *Builder) inBodyStart() bool {
	t := &b.tok
	switch t.Atom {
	case atom.Html:
		if b.templates == 0 {
			b.mergeAttrs(b.stack[0])
		}
	case atom.Body:
		if b.templates == 0 && b.body != 0 {
			b.mergeAttrs(b.body)
		}
	case atom.Template:
		b.startTemplate()
	case atom.Param, atom.Source, atom.Track, atom.Textarea, atom.Iframe, atom.Noembed, atom.Noscript:
		b.insert(NSHTML)
	case atom.Pre, atom.Listing, atom.Plaintext:
		b.closeP()
		b.insert(NSHTML)
	case atom.Form:
		if b.form != 0 && b.templates == 0 {
			return true
		}
		b.closeP()
		if n := b.insert(NSHTML); b.templates == 0 {
			b.form = n
		}
	case atom.Li, atom.Dd, atom.Dt:
		b.closeListItem()
		b.closeP()
		b.insert(NSHTML)
	case atom.Table:
		if !b.quirks {
			b.closeP()
		}
		b.insert(NSHTML)
	case atom.Hr:
		b.closeP()
		if b.inScope(defaultScope, atom.Select) >= 0 {
			b.generateImpliedEndTags(0)
		}
		b.insert(NSHTML)
	case atom.Xmp:
		b.closeP()
		b.reconstruct()
		b.insert(NSHTML)
	case atom.Image:
		t.Atom = atom.Img
		return false
	case atom.Col, atom.Frame, atom.Head, atom.Frameset:
		// ignored in the body
	default:
		switch p := PropsOf(t.Atom); {
		case p&pHeadish != 0:
			b.insert(NSHTML)
		case p&pClosesP != 0:
			b.closeP()
			b.insert(NSHTML)
		case p&Heading != 0:
			b.closeP()
			if b.Has(b.top(), Heading) {
				b.pop()
			}
			b.insert(NSHTML)
		case p&pTableCtx != 0:
			// ignored in the body
		case p&pFormatting != 0:
			b.startFormatting()
		default:
			b.startInline()
		}
	}
	return true
}

// startInline inserts an element of the body's content after closing what
// it implies closed (another button, select or option …).
func (b *Builder) startInline() {
	t := &b.tok
	ns := NSHTML
	switch t.Atom {
	case atom.Button:
		b.popUntil(defaultScope, atom.Button)
	case atom.Select, atom.Input:
		if b.popUntil(defaultScope, atom.Select) && t.Atom == atom.Select {
			return // a select in a select closes the first
		}
	case atom.Option, atom.Optgroup:
		switch {
		case b.inScope(defaultScope, atom.Select) >= 0 && t.Atom == atom.Option:
			b.generateImpliedEndTags(atom.Optgroup)
		case b.inScope(defaultScope, atom.Select) >= 0:
			b.generateImpliedEndTags(0)
		case b.Is(b.top(), atom.Option):
			b.pop()
		}
	case atom.Rb, atom.Rtc, atom.Rp, atom.Rt:
		if b.inScope(defaultScope, atom.Ruby) >= 0 {
			except := atom.Atom(0)
			if t.Atom == atom.Rp || t.Atom == atom.Rt {
				except = atom.Rtc
			}
			b.generateImpliedEndTags(except)
		}
		b.insert(NSHTML)
		return
	case atom.Svg:
		ns = NSSVG
	case atom.Math:
		ns = NSMath
	}
	b.reconstruct()
	b.insert(ns)
	if ns != NSHTML && t.selfClosing {
		b.pop()
	}
	if t.Atom == atom.Applet || t.Atom == atom.Marquee || t.Atom == atom.Object {
		b.afe = append(b.afe, 0)
	}
}

// closeListItem closes an open li (or dd, dt) before another one, unless a
// special element other than address, div and p stands between.
func (b *Builder) closeListItem() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		same := b.Is(n, b.tok.Atom) || b.tok.Atom != atom.Li && (b.Is(n, atom.Dd) || b.Is(n, atom.Dt))
		switch {
		case same:
			b.popTo(i)
			return
		case b.Is(n, atom.Address) || b.Is(n, atom.Div) || b.Is(n, atom.P):
		case b.Nodes[n].Props&pSpecial != 0:
			return
		}
	}
}

// inBodyEnd reads an end tag in the body; as in inBodyStart, the tags of
// rules of their own are told by their atom, the rest by their class.
func (b *Builder) inBodyEnd() bool {
	t := &b.tok
	switch t.Atom {
	case atom.Body, atom.Html:
		// what follows still goes into the body
	case atom.P:
		if b.inScope(buttonScope, atom.P) < 0 {
			b.implied(html.StartTagToken, atom.P)
		}
		b.popUntil(buttonScope, atom.P)
	case atom.Li:
		b.popUntil(listItemScope, atom.Li)
	case atom.Form:
		b.endForm()
	case atom.Applet, atom.Marquee, atom.Object:
		if b.popUntil(defaultScope, t.Atom) {
			b.clearFormattingToMarker()
		}
	case atom.Br:
		t.kind = html.StartTagToken
		return false
	case atom.Template:
		b.endTemplate()
	case atom.Dd, atom.Dt, atom.Button, atom.Listing, atom.Pre, atom.Select:
		b.popUntil(defaultScope, t.Atom)
	default:
		switch p := PropsOf(t.Atom); {
		case p&Heading != 0:
			b.popUntil(defaultScope, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
		case p&pFormatting != 0:
			b.adoptionAgency(t.Atom)
		case p&pClosesP != 0:
			b.popUntil(defaultScope, t.Atom)
		default:
			b.endOther()
		}
	}
	return true
}

func (b *Builder) endForm() {
	i := b.inScope(defaultScope, atom.Form)
	if b.templates > 0 {
		if i >= 0 {
			b.popTo(i)
		}
		return
	}
	n := b.form
	b.form = 0
	if n != 0 && i >= 0 && b.stack[i] == n {
		b.generateImpliedEndTags(0)
		b.removeOpen(n)
	}
}

// endOther is "any other end tag": it closes the innermost element of its
// name, unless a special element stands above it.
func (b *Builder) endOther() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if b.Nodes[n].NS == NSHTML && b.sameName(n) {
			b.popTo(i)
			return
		}
		if b.Nodes[n].Props&pSpecial != 0 {
			return
		}
	}
}

// sameName reports whether element n has the name of the current tag.
func (b *Builder) sameName(n NodeID) bool {
	e := &b.Nodes[n]
	if b.tok.Atom != 0 || e.Atom != 0 {
		return e.Atom == b.tok.Atom
	}
	return bytes.Equal(b.Bytes(e.Data), b.Bytes(b.tok.Name))
}

// scope kinds for inScope.
type scope uint8

const (
	defaultScope scope = iota
	listItemScope
	buttonScope
	tableScope
)

// inScope returns the stack index of the innermost open HTML element among
// tags that is in scope, or -1.
func (b *Builder) inScope(s scope, tags ...atom.Atom) int {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := &b.Nodes[b.stack[i]]
		if n.NS == NSHTML {
			if slices.Contains(tags, n.Atom) {
				return i
			}
			switch {
			case s == listItemScope && (n.Atom == atom.Ol || n.Atom == atom.Ul),
				s == buttonScope && n.Atom == atom.Button,
				s == tableScope && (n.Atom == atom.Html || n.Atom == atom.Table || n.Atom == atom.Template):
				return -1
			}
		}
		if s != tableScope && n.Props&pScope != 0 {
			return -1
		}
	}
	return -1
}

// popUntil pops the innermost element among tags in scope s, and what is
// above it; it reports whether there was one.
func (b *Builder) popUntil(s scope, tags ...atom.Atom) bool {
	i := b.inScope(s, tags...)
	if i >= 0 {
		b.popTo(i)
	}
	return i >= 0
}

// closeP closes a p element in button scope, as block start tags do.
func (b *Builder) closeP() {
	if b.openP > 0 {
		b.popUntil(buttonScope, atom.P)
	}
}

// generateImpliedEndTags closes the elements whose end tags may be left
// out (li, p, option …), but for except.
func (b *Builder) generateImpliedEndTags(except atom.Atom) {
	for top := b.top(); b.Has(top, pImpliedEnd) && b.Nodes[top].Atom != except; top = b.top() {
		b.pop()
	}
}

// mergeAttrs adds to element n the attributes of the current tag it lacks
// (a second <html> or <body> tag).
func (b *Builder) mergeAttrs(n NodeID) {
	have := b.Attrs[b.Nodes[n].Attrs.From:b.Nodes[n].Attrs.To]
	from := len(b.Attrs)
	for _, a := range b.Attrs[b.tok.Attrs.From:b.tok.Attrs.To] {
		if !slices.ContainsFunc(have, func(h Attr) bool { return b.AttrName(h) == b.AttrName(a) }) {
			if len(b.Attrs) == from {
				b.Attrs = append(b.Attrs, have...)
			}
			b.Attrs = append(b.Attrs, a)
		}
	}
	if len(b.Attrs) > from {
		b.Nodes[n].Attrs = Span{int32(from), int32(len(b.Attrs))}
		b.Nodes[n].Flags |= b.tok.Flags
	}
}

// inForeign reports whether the current token is read by the rules of
// foreign content: inside svg or MathML, but for start tags and text at
// the integration points.
func (b *Builder) inForeign() bool {
	n := &b.Nodes[b.top()]
	switch {
	case n.NS == NSHTML || b.tok.kind == html.ErrorToken:
		return false
	case b.tok.kind == html.EndTagToken:
		return true
	}
	return n.Props&pIntegration == 0 && (b.tok.Atom != atom.Svg || !b.NameIs(b.top(), "annotation-xml"))
}

// foreignProps are the Props of an svg or MathML element: the integration
// points are special, end scopes and take HTML content.
func (b *Builder) foreignProps(ns Namespace, name []byte, attrs Span) Props {
	const point = pSpecial | pScope | pIntegration
	switch string(name) {
	case "foreignobject", "desc", "title":
		if ns == NSSVG {
			return point
		}
	case "mi", "mo", "mn", "ms", "mtext":
		if ns == NSMath {
			return point
		}
	case "annotation-xml":
		enc, _ := b.AttrIn(attrs, AttrEncoding)
		if ns == NSMath && (page.EqualFoldASCII(enc, "text/html") || page.EqualFoldASCII(enc, "application/xhtml+xml")) {
			return point
		}
		return pSpecial | pScope
	}
	return 0
}

func (b *Builder) foreignContent() bool {
	t := &b.tok
	switch t.kind {
	case html.TextToken:
		b.addText(t.Text)
	case html.StartTagToken:
		breakout := PropsOf(t.Atom)&pBreakout != 0
		if t.Atom == atom.Font {
			for _, k := range []atom.Atom{atom.Color, atom.Face, atom.Size} {
				if _, ok := b.AttrIn(t.Attrs, k); ok {
					breakout = true
				}
			}
		}
		if !breakout {
			b.insert(b.Nodes[b.top()].NS)
			b.z.NextIsNotRawText()
			if t.selfClosing {
				b.pop()
			}
			return true
		}
		for n := &b.Nodes[b.top()]; len(b.stack) > 1 && n.NS != NSHTML && n.Props&pIntegration == 0; n = &b.Nodes[b.top()] {
			b.pop()
		}
		return false
	case html.EndTagToken:
		for i := len(b.stack) - 1; i > 0; i-- {
			if b.sameName(b.stack[i]) {
				b.popTo(i)
				return true
			}
			if b.Nodes[b.stack[i-1]].NS == NSHTML {
				break
			}
		}
		if b.ctx != 0 {
			return b.inTable()
		}
		return b.inBody()
	}
	return true
}

// quirksDoctype reports whether a doctype puts the page in quirks mode, in
// short: no html doctype, or one of HTML 3 or a transitional HTML 4
// without a system identifier.
func quirksDoctype(doctype []byte) bool {
	d := bytes.ToLower(bytes.TrimSpace(doctype))
	if !bytes.HasPrefix(d, []byte("html")) || len(d) > 4 && !IsSpace(d[4:5]) {
		return true
	}
	for _, q := range []string{"-//w3c//dtd html 3", "-//w3c//dtd html 4.0 transitional", "-//ietf//dtd html"} {
		if bytes.Contains(d, []byte(`public "`+q)) {
			return true
		}
	}
	return bytes.Contains(d, []byte(`public "-//w3c//dtd html 4.01 transitional`)) && !bytes.Contains(d, []byte(`" "`))
}
