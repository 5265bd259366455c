package htmlpage

import (
	"bytes"
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tree construction of the HTML standard, as x/net/html's parser and
// browsers follow it, in short: the insertion modes before and in the body,
// raw text and foreign content here; tables and templates in tables.go;
// the active formatting elements and the adoption agency in formatting.go.
// Comments make no nodes, and scripting is on (noscript holds raw text).

type insertionMode uint8

const (
	modeInitial insertionMode = iota
	modeBeforeHTML
	modeBeforeHead
	modeInHead
	modeAfterHead
	modeInBody
	modeText
	modeInTable
	modeInCaption
	modeInColumnGroup
	modeInTableBody
	modeInRow
	modeInCell
	modeInTemplate
	modeInFrameset
)

// step runs the current token through the rules of foreign content or of
// the insertion mode. It reports whether the token was consumed; if not,
// the rules switched modes and it is read again.
func (b *builder) step() bool {
	if b.inForeign() {
		return b.foreignContent()
	}
	return b.stepMode()
}

func (b *builder) stepMode() bool {
	switch b.mode {
	case modeInitial:
		b.quirks, b.mode = true, modeBeforeHTML
		return false
	case modeBeforeHTML:
		return b.opening(atom.Html, modeBeforeHead)
	case modeBeforeHead:
		return b.opening(atom.Head, modeInHead)
	case modeInHead:
		return b.inHead()
	case modeAfterHead:
		return b.afterHead()
	case modeText:
		return b.rawText()
	case modeInTable:
		return b.inTable()
	case modeInCaption:
		return b.inCaption()
	case modeInColumnGroup:
		return b.inColumnGroup()
	case modeInTableBody:
		return b.inTableBody()
	case modeInRow:
		return b.inRow()
	case modeInCell:
		return b.inCell()
	case modeInTemplate:
		return b.inTemplate()
	case modeInFrameset:
		return true // frames hold nothing the model reads
	}
	return b.inBody()
}

func (b *builder) top() nodeID {
	if len(b.stack) == 0 {
		return 0
	}
	return b.stack[len(b.stack)-1]
}

// topIs reports whether the current node is the HTML element a.
func (b *builder) topIs(a atom.Atom) bool { return b.is(b.top(), a) }

func (b *builder) push(n nodeID) {
	b.setOpen(n, true)
	b.stack = append(b.stack, n)
}

func (b *builder) pop() nodeID {
	n := b.top()
	if n != 0 {
		b.setOpen(n, false)
		b.stack = b.stack[:len(b.stack)-1]
	}
	return n
}

// setOpen marks n open or closed, and counts the open p elements: block
// start tags look for one, and on a deep stack the search is long.
func (b *builder) setOpen(n nodeID, open bool) {
	b.nodes[n].open = open
	if b.is(n, atom.P) {
		if open {
			b.openP++
		} else {
			b.openP--
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
		b.stack = append(b.stack[:i], b.stack[i+1:]...)
		b.setOpen(n, false)
	}
}

func (b *builder) indexOpen(n nodeID) int {
	if !b.nodes[n].open {
		return -1
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i] == n {
			return i
		}
	}
	return -1
}

// newElement makes an element of the current token in namespace ns.
func (b *builder) newElement(ns namespace) nodeID {
	t := &b.tok
	n := node{atom: t.atom, ns: ns, data: t.name, attrs: t.attrs, off: t.off}
	if ns == nsHTML {
		n.props = propsOf(t.atom)
	} else {
		n.props = foreignProps(ns, b.tokName())
	}
	b.nodes = append(b.nodes, n)
	return nodeID(len(b.nodes) - 1)
}

func (b *builder) tokName() []byte {
	if b.tok.atom != 0 {
		return []byte(b.tok.atom.String())
	}
	return b.bytes(b.tok.name)
}

// insert makes an element of the current token, adds it where the current
// node takes content and opens it.
func (b *builder) insert(ns namespace) nodeID {
	n := b.newElement(ns)
	b.open(n)
	b.tok.node = n
	return n
}

// open adds element n to the current node (or its foster parent) and
// pushes it: on a full stack, the deepest element is closed first.
func (b *builder) open(n nodeID) {
	if len(b.stack) >= maxDepth {
		b.pop()
	}
	b.addChild(n)
	b.push(n)
}

// insertVoid inserts an element that takes no content.
func (b *builder) insertVoid() {
	b.insert(nsHTML)
	b.pop()
}

// insertRawText inserts an element whose content the tokenizer reads as
// text until its end tag.
func (b *builder) insertRawText() {
	b.insert(nsHTML)
	b.textReturn, b.mode = b.mode, modeText
}

// implied reads a token that the markup leaves out (an implied head,
// body or tbody, the p of a stray </p>) as if it stood before the
// current one.
func (b *builder) implied(kind html.TokenType, a atom.Atom) {
	saved := b.tok
	b.tok = token{kind: kind, atom: a, off: -1}
	for !b.step() {
	}
	b.tok = saved
}

func (b *builder) addText(text []byte) {
	if len(text) == 0 {
		return
	}
	if b.shouldFosterParent() {
		parent, ref := b.fosterPlace()
		b.tree.addText(parent, ref, text)
		return
	}
	b.tree.addText(b.top(), 0, text)
}

func isSpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// leadingSpace drops white space from the start of a text token, as the
// modes before the body do; it reports whether the token was nothing else.
func (b *builder) leadingSpace() bool {
	b.tok.text = bytes.TrimLeft(b.tok.text, " \t\n\r\f")
	return len(b.tok.text) == 0
}

// opening is the modes before html and before head: it opens element a,
// the one a tag names or an implied one; white space before it and end
// tags of other elements are dropped.
func (b *builder) opening(a atom.Atom, next insertionMode) bool {
	switch b.tok.kind {
	case html.TextToken:
		if b.leadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.atom {
		case a:
			if n := b.insert(nsHTML); a == atom.Head {
				b.head = n
			}
			b.mode = next
			return true
		case atom.Html:
			return b.inBody()
		}
	case html.EndTagToken:
		switch b.tok.atom {
		case atom.Head, atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	}
	b.implied(html.StartTagToken, a)
	return false
}

func (b *builder) inHead() bool {
	switch b.tok.kind {
	case html.TextToken:
		if b.leadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.atom {
		case atom.Html:
			return b.inBody()
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
			b.insertVoid()
			return true
		case atom.Noscript, atom.Script, atom.Title, atom.Noframes, atom.Style:
			b.insertRawText()
			return true
		case atom.Head:
			return true
		case atom.Template:
			b.startTemplate()
			return true
		}
	case html.EndTagToken:
		switch b.tok.atom {
		case atom.Head:
			b.pop()
			b.mode = modeAfterHead
			return true
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			b.endTemplate()
			return true
		default:
			return true
		}
	}
	b.implied(html.EndTagToken, atom.Head)
	return false
}

func (b *builder) afterHead() bool {
	switch b.tok.kind {
	case html.TextToken:
		if b.leadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tok.atom {
		case atom.Html:
			return b.inBody()
		case atom.Body:
			b.insert(nsHTML)
			b.mode = modeInBody
			return true
		case atom.Frameset:
			b.insert(nsHTML)
			b.mode = modeInFrameset
			return true
		case atom.Head:
			return true
		}
		if propsOf(b.tok.atom)&pHeadish != 0 && b.head != 0 {
			b.push(b.head)
			done := b.inHead()
			b.removeOpen(b.head)
			return done
		}
	case html.EndTagToken:
		switch b.tok.atom {
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			return b.inHead()
		default:
			return true
		}
	}
	b.implied(html.StartTagToken, atom.Body)
	return false
}

// rawText reads the text of a script, style, title, textarea …
func (b *builder) rawText() bool {
	switch b.tok.kind {
	case html.TextToken:
		b.addText(b.tok.text)
		return true
	case html.EndTagToken:
		b.pop()
		b.mode = b.textReturn
		return true
	}
	b.pop()
	b.mode = b.textReturn
	return false
}

// inForeign reports whether the current token is read by the rules of
// foreign content: inside svg or MathML, but for HTML at the integration
// points.
func (b *builder) inForeign() bool {
	top := b.top()
	if top == 0 || b.nodes[top].ns == nsHTML {
		return false
	}
	n := &b.nodes[top]
	start, text := b.tok.kind == html.StartTagToken, b.tok.kind == html.TextToken
	name := b.name(top)
	if n.ns == nsMath {
		switch name {
		case "mi", "mo", "mn", "ms", "mtext":
			if text || start && b.tok.atom != atom.Mglyph && b.tok.atom != atom.Malignmark {
				return false
			}
		case "annotation-xml":
			if start && b.tok.atom == atom.Svg {
				return false
			}
		}
	}
	return !b.htmlIntegrationPoint(top) || !start && !text
}

func (b *builder) htmlIntegrationPoint(n nodeID) bool {
	switch b.nodes[n].ns {
	case nsSVG:
		switch b.name(n) {
		case "foreignobject", "desc", "title":
			return true
		}
	case nsMath:
		if b.name(n) == "annotation-xml" {
			enc, _ := b.attr(n, attrEncoding)
			return bytes.EqualFold(enc, []byte("text/html")) || bytes.EqualFold(enc, []byte("application/xhtml+xml"))
		}
	}
	return false
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
		if breakout {
			for len(b.stack) > 1 {
				if top := b.top(); b.nodes[top].ns == nsHTML || b.htmlIntegrationPoint(top) || b.mathTextPoint(top) {
					break
				}
				b.pop()
			}
			return b.stepMode()
		}
		b.insert(b.nodes[b.top()].ns)
		b.z.NextIsNotRawText()
		if t.selfClosing {
			b.pop()
		}
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
		return b.stepMode()
	}
	return true
}

func (b *builder) mathTextPoint(n nodeID) bool {
	switch b.name(n) {
	case "mi", "mo", "mn", "ms", "mtext":
		return b.nodes[n].ns == nsMath
	}
	return false
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
			for _, t := range tags {
				if n.atom == t {
					return i
				}
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
	for {
		top := b.top()
		if !b.has(top, pImpliedEnd) || b.nodes[top].atom == except {
			return
		}
		b.pop()
	}
}

// mergeAttrs adds to element n the attributes of the current tag it lacks
// (a second <html> or <body> tag).
func (b *builder) mergeAttrs(n nodeID) {
	var extra []attr
	have := b.attrs[b.nodes[n].attrs.from:b.nodes[n].attrs.to]
	for _, a := range b.attrs[b.tok.attrs.from:b.tok.attrs.to] {
		if !slices.ContainsFunc(have, func(h attr) bool { return b.attrName(h) == b.attrName(a) }) {
			extra = append(extra, a)
		}
	}
	if len(extra) == 0 {
		return
	}
	from := len(b.attrs)
	b.attrs = append(b.attrs, b.attrs[b.nodes[n].attrs.from:b.nodes[n].attrs.to]...)
	b.attrs = append(b.attrs, extra...)
	b.nodes[n].attrs = span{int32(from), int32(len(b.attrs))}
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
