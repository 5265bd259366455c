package htmlpage

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
func (b *builder) step() bool {
	switch {
	case b.frameset:
		return true
	case b.rawText:
		return b.inRawText()
	case b.body == 0 && b.templates == 0:
		return b.beforeBody()
	case b.nodes[b.top()].ns != nsHTML && b.inForeign():
		return b.foreignContent()
	case b.ctx != 0:
		return b.inTable()
	}
	return b.inBody()
}

func (b *builder) top() nodeID {
	if len(b.stack) == 0 {
		return 0
	}
	return b.stack[len(b.stack)-1]
}

func (b *builder) push(n nodeID) {
	b.setOpen(n, true)
	b.stack = append(b.stack, n)
	if b.nodes[n].props&pTableCtx != 0 && b.nodes[n].ns == nsHTML {
		b.ctx = n
	}
}

func (b *builder) pop() nodeID {
	n := b.top()
	if n != 0 {
		b.stack = b.stack[:len(b.stack)-1]
		b.setOpen(n, false)
	}
	return n
}

// setOpen marks n open or closed; it counts the open p elements (block
// start tags look for one, and on a deep stack the search is long) and
// templates, and finds the innermost table part again when one closes.
func (b *builder) setOpen(n nodeID, open bool) {
	nd := &b.nodes[n]
	nd.open = open
	if nd.ns != nsHTML {
		return
	}
	d := 1
	if !open {
		d = -1
	}
	switch nd.atom {
	case atom.P:
		b.openP += d
	case atom.Template:
		b.templates += d
	}
	if !open && n == b.ctx {
		b.ctx = 0
		for i := len(b.stack) - 1; i >= 0 && b.ctx == 0; i-- {
			if s := b.stack[i]; b.has(s, pTableCtx) {
				b.ctx = s
			}
		}
	}
}

// popTo pops the stack down to length i.
func (b *builder) popTo(i int) {
	for len(b.stack) > i {
		b.pop()
	}
}

// removeOpen takes n off the stack, wherever it stands.
func (b *builder) removeOpen(n nodeID) {
	if i := b.indexOpen(n); i >= 0 {
		b.stack = slices.Delete(b.stack, i, i+1)
		b.setOpen(n, false)
	}
}

func (b *builder) indexOpen(n nodeID) int {
	if !b.nodes[n].open {
		return -1
	}
	return slices.Index(b.stack, n)
}

// insert makes an element of the current token and adds it where the
// current node takes content. A void element is closed at once; a raw
// text element takes the text that follows.
func (b *builder) insert(ns namespace) nodeID {
	t := &b.tok
	nd := node{atom: t.atom, ns: ns, data: t.name, attrs: t.attrs, asked: t.asked, off: t.off}
	if ns == nsHTML {
		nd.props = propsOf(t.atom)
	} else {
		nd.props = b.foreignProps(ns, b.tokName(), t.attrs)
	}
	b.nodes = append(b.nodes, nd)
	n := nodeID(len(b.nodes) - 1)
	b.open(n)
	t.node = n
	switch {
	case nd.props&pVoid != 0:
		b.pop()
	case nd.props&pRawText != 0:
		b.rawText = true
	}
	return n
}

// open adds element n where the current node takes content (or to its
// foster parent) and pushes it: on a full stack, the deepest element is
// closed first.
func (b *builder) open(n nodeID) {
	if len(b.stack) >= maxDepth {
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

func (b *builder) tokName() []byte {
	if b.tok.atom != 0 {
		return []byte(b.tok.atom.String())
	}
	return b.bytes(b.tok.name)
}

// implied reads a tag that the markup leaves out (an implied body or
// tbody, the p of a stray </p>) as if it stood before the current token.
func (b *builder) implied(kind html.TokenType, a atom.Atom) {
	saved := b.tok
	b.tok = token{kind: kind, atom: a, off: -1}
	for !b.step() {
	}
	b.tok = saved
}

// addText adds text of the current token (the whole, or what is left of
// it after white space) where the current node takes content.
func (b *builder) addText(text []byte) {
	if len(text) == 0 {
		return
	}
	at := -1
	if b.tok.inPage {
		at = int(b.tok.end) - len(text)
	}
	parent, ref := b.top(), nodeID(0)
	if b.fosterParenting && b.tablePart(parent) {
		parent, ref = b.fosterPlace()
	}
	b.tree.addText(parent, ref, text, at)
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

// inRawText: the text of a script, style, title, textarea … goes into it,
// and the next tag (its end tag) closes it.
func (b *builder) inRawText() bool {
	if b.tok.kind == html.TextToken {
		b.addText(b.tok.text)
		return true
	}
	b.rawText = false
	b.pop()
	return b.tok.kind == html.EndTagToken
}

// beforeBody reads what comes before the body: the html and head elements
// (implied when left out), and what belongs in the head. Anything else
// starts the body.
func (b *builder) beforeBody() bool {
	t := &b.tok
	if len(b.stack) == 0 {
		if t.kind == html.TextToken && len(bytes.TrimLeft(t.text, " \t\n\r\f")) == 0 {
			return true
		}
		if t.kind == html.StartTagToken && t.atom == atom.Html {
			b.insert(nsHTML)
			return true
		}
		b.implied(html.StartTagToken, atom.Html)
	}
	switch t.kind {
	case html.TextToken:
		if t.text = bytes.TrimLeft(t.text, " \t\n\r\f"); len(t.text) == 0 {
			return true
		}
	case html.StartTagToken:
		switch {
		case t.atom == atom.Html:
			b.mergeAttrs(b.stack[0])
			return true
		case t.atom == atom.Head:
			if b.head == 0 {
				b.head = b.insert(nsHTML)
			}
			return true
		case t.atom == atom.Body:
			b.closeHead()
			b.body = b.insert(nsHTML)
			return true
		case t.atom == atom.Frameset:
			b.frameset = true
			return true
		case propsOf(t.atom)&pHeadish != 0, t.atom == atom.Noscript && (b.head == 0 || b.nodes[b.head].open):
			b.inHead()
			return true
		}
	case html.EndTagToken:
		switch t.atom {
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
func (b *builder) inHead() {
	if b.head == 0 {
		b.implied(html.StartTagToken, atom.Head)
	}
	reopened := !b.nodes[b.head].open
	if reopened {
		b.push(b.head)
	}
	if b.tok.atom == atom.Template {
		b.startTemplate()
	} else {
		b.insert(nsHTML)
	}
	if reopened {
		b.removeOpen(b.head)
	}
}

// closeHead closes the head element, implied when left out.
func (b *builder) closeHead() {
	if b.head == 0 {
		b.implied(html.StartTagToken, atom.Head)
	}
	if b.top() == b.head {
		b.pop()
	}
}

// inBody reads the body, where the end tags that were left out are implied
// and the misnesting of formatting elements is sorted out.
func (b *builder) inBody() bool {
	switch b.tok.kind {
	case html.TextToken:
		b.reconstruct()
		b.addText(b.tok.text)
	case html.StartTagToken:
		return b.inBodyStart()
	case html.EndTagToken:
		return b.inBodyEnd()
	}
	return true
}

func (b *builder) inBodyStart() bool {
	t := &b.tok
	p := propsOf(t.atom)
	switch {
	case t.atom == atom.Html:
		if b.templates == 0 {
			b.mergeAttrs(b.stack[0])
		}
	case t.atom == atom.Body:
		if b.templates == 0 && b.body != 0 {
			b.mergeAttrs(b.body)
		}
	case t.atom == atom.Template:
		b.startTemplate()
	case p&pHeadish != 0, t.atom == atom.Param, t.atom == atom.Source, t.atom == atom.Track,
		t.atom == atom.Textarea, t.atom == atom.Iframe, t.atom == atom.Noembed, t.atom == atom.Noscript:
		b.insert(nsHTML)
	case p&pClosesP != 0, t.atom == atom.Pre, t.atom == atom.Listing, t.atom == atom.Plaintext:
		b.closeP()
		b.insert(nsHTML)
	case p&pHeading != 0:
		b.closeP()
		if b.has(b.top(), pHeading) {
			b.pop()
		}
		b.insert(nsHTML)
	case t.atom == atom.Form:
		if b.form != 0 && b.templates == 0 {
			return true
		}
		b.closeP()
		if n := b.insert(nsHTML); b.templates == 0 {
			b.form = n
		}
	case t.atom == atom.Li, t.atom == atom.Dd, t.atom == atom.Dt:
		b.closeListItem()
		b.closeP()
		b.insert(nsHTML)
	case t.atom == atom.Table:
		if !b.quirks {
			b.closeP()
		}
		b.insert(nsHTML)
	case t.atom == atom.Hr:
		b.closeP()
		if b.inScope(defaultScope, atom.Select) >= 0 {
			b.generateImpliedEndTags(0)
		}
		b.insert(nsHTML)
	case t.atom == atom.Xmp:
		b.closeP()
		b.reconstruct()
		b.insert(nsHTML)
	case t.atom == atom.Image:
		t.atom = atom.Img
		return false
	case p&pTableCtx != 0, t.atom == atom.Col, t.atom == atom.Frame, t.atom == atom.Head, t.atom == atom.Frameset:
		// ignored in the body
	case p&pFormatting != 0:
		b.startFormatting()
	default:
		b.startInline()
	}
	return true
}

// startInline inserts an element of the body's content after closing what
// it implies closed (another button, select or option …).
func (b *builder) startInline() {
	t := &b.tok
	ns := nsHTML
	switch t.atom {
	case atom.Button:
		b.popUntil(defaultScope, atom.Button)
	case atom.Select, atom.Input:
		if b.popUntil(defaultScope, atom.Select) && t.atom == atom.Select {
			return // a select in a select closes the first
		}
	case atom.Option, atom.Optgroup:
		switch {
		case b.inScope(defaultScope, atom.Select) >= 0 && t.atom == atom.Option:
			b.generateImpliedEndTags(atom.Optgroup)
		case b.inScope(defaultScope, atom.Select) >= 0:
			b.generateImpliedEndTags(0)
		case b.is(b.top(), atom.Option):
			b.pop()
		}
	case atom.Rb, atom.Rtc, atom.Rp, atom.Rt:
		if b.inScope(defaultScope, atom.Ruby) >= 0 {
			except := atom.Atom(0)
			if t.atom == atom.Rp || t.atom == atom.Rt {
				except = atom.Rtc
			}
			b.generateImpliedEndTags(except)
		}
		b.insert(nsHTML)
		return
	case atom.Svg:
		ns = nsSVG
	case atom.Math:
		ns = nsMath
	}
	b.reconstruct()
	b.insert(ns)
	if ns != nsHTML && t.selfClosing {
		b.pop()
	}
	if t.atom == atom.Applet || t.atom == atom.Marquee || t.atom == atom.Object {
		b.afe = append(b.afe, 0)
	}
}

// closeListItem closes an open li (or dd, dt) before another one, unless a
// special element other than address, div and p stands between.
func (b *builder) closeListItem() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		same := b.is(n, b.tok.atom) || b.tok.atom != atom.Li && (b.is(n, atom.Dd) || b.is(n, atom.Dt))
		switch {
		case same:
			b.popTo(i)
			return
		case b.is(n, atom.Address) || b.is(n, atom.Div) || b.is(n, atom.P):
		case b.nodes[n].props&pSpecial != 0:
			return
		}
	}
}

func (b *builder) inBodyEnd() bool {
	t := &b.tok
	p := propsOf(t.atom)
	switch {
	case t.atom == atom.Body, t.atom == atom.Html:
		// what follows still goes into the body
	case t.atom == atom.P:
		if b.inScope(buttonScope, atom.P) < 0 {
			b.implied(html.StartTagToken, atom.P)
		}
		b.popUntil(buttonScope, atom.P)
	case t.atom == atom.Li:
		b.popUntil(listItemScope, atom.Li)
	case p&pHeading != 0:
		b.popUntil(defaultScope, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	case t.atom == atom.Form:
		b.endForm()
	case p&pFormatting != 0:
		b.adoptionAgency(t.atom)
	case t.atom == atom.Applet, t.atom == atom.Marquee, t.atom == atom.Object:
		if b.popUntil(defaultScope, t.atom) {
			b.clearFormattingToMarker()
		}
	case t.atom == atom.Br:
		t.kind = html.StartTagToken
		return false
	case t.atom == atom.Template:
		b.endTemplate()
	case p&pClosesP != 0, t.atom == atom.Dd, t.atom == atom.Dt, t.atom == atom.Button,
		t.atom == atom.Listing, t.atom == atom.Pre, t.atom == atom.Select:
		b.popUntil(defaultScope, t.atom)
	default:
		b.endOther()
	}
	return true
}

func (b *builder) endForm() {
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
func (b *builder) endOther() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if b.nodes[n].ns == nsHTML && b.sameName(n) {
			b.popTo(i)
			return
		}
		if b.nodes[n].props&pSpecial != 0 {
			return
		}
	}
}

// sameName reports whether element n has the name of the current tag.
func (b *builder) sameName(n nodeID) bool {
	e := &b.nodes[n]
	if b.tok.atom != 0 || e.atom != 0 {
		return e.atom == b.tok.atom
	}
	return bytes.Equal(b.bytes(e.data), b.bytes(b.tok.name))
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
func (b *builder) inScope(s scope, tags ...atom.Atom) int {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := &b.nodes[b.stack[i]]
		if n.ns == nsHTML {
			if slices.Contains(tags, n.atom) {
				return i
			}
			switch {
			case s == listItemScope && (n.atom == atom.Ol || n.atom == atom.Ul),
				s == buttonScope && n.atom == atom.Button,
				s == tableScope && (n.atom == atom.Html || n.atom == atom.Table || n.atom == atom.Template):
				return -1
			}
		}
		if s != tableScope && n.props&pScope != 0 {
			return -1
		}
	}
	return -1
}

// popUntil pops the innermost element among tags in scope s, and what is
// above it; it reports whether there was one.
func (b *builder) popUntil(s scope, tags ...atom.Atom) bool {
	i := b.inScope(s, tags...)
	if i >= 0 {
		b.popTo(i)
	}
	return i >= 0
}

// closeP closes a p element in button scope, as block start tags do.
func (b *builder) closeP() {
	if b.openP > 0 {
		b.popUntil(buttonScope, atom.P)
	}
}

// generateImpliedEndTags closes the elements whose end tags may be left
// out (li, p, option …), but for except.
func (b *builder) generateImpliedEndTags(except atom.Atom) {
	for top := b.top(); b.has(top, pImpliedEnd) && b.nodes[top].atom != except; top = b.top() {
		b.pop()
	}
}

// mergeAttrs adds to element n the attributes of the current tag it lacks
// (a second <html> or <body> tag).
func (b *builder) mergeAttrs(n nodeID) {
	have := b.attrs[b.nodes[n].attrs.from:b.nodes[n].attrs.to]
	from := len(b.attrs)
	for _, a := range b.attrs[b.tok.attrs.from:b.tok.attrs.to] {
		if !slices.ContainsFunc(have, func(h attr) bool { return b.attrName(h) == b.attrName(a) }) {
			if len(b.attrs) == from {
				b.attrs = append(b.attrs, have...)
			}
			b.attrs = append(b.attrs, a)
		}
	}
	if len(b.attrs) > from {
		b.nodes[n].attrs = span{int32(from), int32(len(b.attrs))}
		b.nodes[n].asked |= b.tok.asked
	}
}

// inForeign reports whether the current token is read by the rules of
// foreign content: inside svg or MathML, but for start tags and text at
// the integration points.
func (b *builder) inForeign() bool {
	n := &b.nodes[b.top()]
	switch {
	case n.ns == nsHTML || b.tok.kind == html.ErrorToken:
		return false
	case b.tok.kind == html.EndTagToken:
		return true
	}
	return n.props&pIntegration == 0 && (b.tok.atom != atom.Svg || !b.nameIs(b.top(), "annotation-xml"))
}

// foreignProps are the props of an svg or MathML element: the integration
// points are special, end scopes and take HTML content.
func (b *builder) foreignProps(ns namespace, name []byte, attrs span) props {
	const point = pSpecial | pScope | pIntegration
	switch string(name) {
	case "foreignobject", "desc", "title":
		if ns == nsSVG {
			return point
		}
	case "mi", "mo", "mn", "ms", "mtext":
		if ns == nsMath {
			return point
		}
	case "annotation-xml":
		enc, _ := b.attrIn(attrs, attrEncoding)
		if ns == nsMath && (page.EqualFoldASCII(enc, "text/html") || page.EqualFoldASCII(enc, "application/xhtml+xml")) {
			return point
		}
		return pSpecial | pScope
	}
	return 0
}

func (b *builder) foreignContent() bool {
	t := &b.tok
	switch t.kind {
	case html.TextToken:
		b.addText(t.text)
	case html.StartTagToken:
		breakout := propsOf(t.atom)&pBreakout != 0
		if t.atom == atom.Font {
			for _, k := range []atom.Atom{atom.Color, atom.Face, atom.Size} {
				if _, ok := b.attrIn(t.attrs, k); ok {
					breakout = true
				}
			}
		}
		if !breakout {
			b.insert(b.nodes[b.top()].ns)
			b.z.NextIsNotRawText()
			if t.selfClosing {
				b.pop()
			}
			return true
		}
		for n := &b.nodes[b.top()]; len(b.stack) > 1 && n.ns != nsHTML && n.props&pIntegration == 0; n = &b.nodes[b.top()] {
			b.pop()
		}
		return false
	case html.EndTagToken:
		for i := len(b.stack) - 1; i > 0; i-- {
			if b.sameName(b.stack[i]) {
				b.popTo(i)
				return true
			}
			if b.nodes[b.stack[i-1]].ns == nsHTML {
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
	if !bytes.HasPrefix(d, []byte("html")) || len(d) > 4 && !isSpace(d[4:5]) {
		return true
	}
	for _, q := range []string{"-//w3c//dtd html 3", "-//w3c//dtd html 4.0 transitional", "-//ietf//dtd html"} {
		if bytes.Contains(d, []byte(`public "`+q)) {
			return true
		}
	}
	return bytes.Contains(d, []byte(`public "-//w3c//dtd html 4.01 transitional`)) && !bytes.Contains(d, []byte(`" "`))
}
