package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inBody is the "in body" insertion mode: where the implied end tags, the
// misnesting of formatting elements and the stray tags of real pages are
// sorted out.
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
		if !b.templateOpen() && len(b.stack) > 0 {
			b.mergeAttrs(b.stack[0])
		}
	case p&pHeadish != 0:
		return b.inHead()
	case t.atom == atom.Body:
		if !b.templateOpen() && len(b.stack) > 1 && b.is(b.stack[1], atom.Body) {
			b.mergeAttrs(b.stack[1])
		}
	case p&pClosesP != 0:
		b.closeP()
		b.insert(nsHTML)
	case p&pHeading != 0:
		b.closeP()
		if b.has(b.top(), pHeading) {
			b.pop()
		}
		b.insert(nsHTML)
	case t.atom == atom.Pre, t.atom == atom.Listing, t.atom == atom.Plaintext:
		b.closeP()
		b.insert(nsHTML)
	case t.atom == atom.Form:
		if b.form != 0 && !b.templateOpen() {
			return true
		}
		b.closeP()
		n := b.insert(nsHTML)
		if !b.templateOpen() {
			b.form = n
		}
	case t.atom == atom.Li, t.atom == atom.Dd, t.atom == atom.Dt:
		b.closeListItem()
		b.closeP()
		b.insert(nsHTML)
	case t.atom == atom.Button:
		b.popUntil(defaultScope, atom.Button)
		b.reconstruct()
		b.insert(nsHTML)
	case t.atom == atom.A:
		for i := len(b.afe) - 1; i >= 0 && b.afe[i] != 0; i-- {
			if n := b.afe[i]; b.is(n, atom.A) {
				b.adoptionAgency(atom.A)
				b.removeOpen(n)
				b.removeFormatting(n)
				break
			}
		}
		b.reconstruct()
		b.insertFormatting()
	case t.atom == atom.Nobr:
		b.reconstruct()
		if b.inScope(defaultScope, atom.Nobr) >= 0 {
			b.adoptionAgency(atom.Nobr)
			b.reconstruct()
		}
		b.insertFormatting()
	case p&pFormatting != 0:
		b.reconstruct()
		b.insertFormatting()
	case t.atom == atom.Applet, t.atom == atom.Marquee, t.atom == atom.Object:
		b.reconstruct()
		b.insert(nsHTML)
		b.afe = append(b.afe, 0)
	case t.atom == atom.Table:
		if !b.quirks {
			b.closeP()
		}
		b.insert(nsHTML)
		b.mode = modeInTable
	case t.atom == atom.Area, t.atom == atom.Br, t.atom == atom.Embed, t.atom == atom.Img,
		t.atom == atom.Keygen, t.atom == atom.Wbr:
		b.reconstruct()
		b.insertVoid()
	case t.atom == atom.Input:
		b.popUntil(defaultScope, atom.Select)
		b.reconstruct()
		b.insertVoid()
	case t.atom == atom.Param, t.atom == atom.Source, t.atom == atom.Track:
		b.insertVoid()
	case t.atom == atom.Hr:
		if b.inScope(buttonScope, atom.P) >= 0 {
			b.generateImpliedEndTags(atom.P)
			b.popUntil(defaultScope, atom.P)
		}
		if b.inScope(defaultScope, atom.Select) >= 0 {
			b.generateImpliedEndTags(0)
		}
		b.insertVoid()
	case t.atom == atom.Image:
		t.atom = atom.Img
		return false
	case t.atom == atom.Textarea, t.atom == atom.Iframe, t.atom == atom.Noembed, t.atom == atom.Noscript:
		b.insertRawText()
	case t.atom == atom.Xmp:
		b.closeP()
		b.reconstruct()
		b.insertRawText()
	case t.atom == atom.Select:
		if b.popUntil(defaultScope, atom.Select) {
			return true
		}
		b.reconstruct()
		b.insert(nsHTML)
	case t.atom == atom.Option, t.atom == atom.Optgroup:
		switch {
		case b.inScope(defaultScope, atom.Select) >= 0 && t.atom == atom.Option:
			b.generateImpliedEndTags(atom.Optgroup)
		case b.inScope(defaultScope, atom.Select) >= 0:
			b.generateImpliedEndTags(0)
		case b.topIs(atom.Option):
			b.pop()
		}
		b.reconstruct()
		b.insert(nsHTML)
	case t.atom == atom.Rb, t.atom == atom.Rtc, t.atom == atom.Rp, t.atom == atom.Rt:
		if b.inScope(defaultScope, atom.Ruby) >= 0 {
			except := atom.Atom(0)
			if t.atom == atom.Rp || t.atom == atom.Rt {
				except = atom.Rtc
			}
			b.generateImpliedEndTags(except)
		}
		b.insert(nsHTML)
	case t.atom == atom.Svg, t.atom == atom.Math:
		b.reconstruct()
		ns := nsSVG
		if t.atom == atom.Math {
			ns = nsMath
		}
		b.insert(ns)
		if t.selfClosing {
			b.pop()
		}
	case t.atom == atom.Caption, t.atom == atom.Col, t.atom == atom.Colgroup, t.atom == atom.Frame,
		t.atom == atom.Head, t.atom == atom.Tbody, t.atom == atom.Td, t.atom == atom.Tfoot,
		t.atom == atom.Th, t.atom == atom.Thead, t.atom == atom.Tr, t.atom == atom.Frameset:
		// ignored in the body
	default:
		b.reconstruct()
		b.insert(nsHTML)
	}
	return true
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
	case t.atom == atom.Dd, t.atom == atom.Dt:
		b.popUntil(defaultScope, t.atom)
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
		return b.inHead()
	case p&pClosesP != 0 || blockEnd(t.atom):
		b.popUntil(defaultScope, t.atom)
	default:
		b.endOther()
	}
	return true
}

// blockEnd are the end tags, besides those of the blocks that close a p,
// that close their element with whatever is open inside.
func blockEnd(a atom.Atom) bool {
	switch a {
	case atom.Button, atom.Listing, atom.Pre, atom.Select:
		return true
	}
	return false
}

func (b *builder) endForm() {
	if b.templateOpen() {
		i := b.inScope(defaultScope, atom.Form)
		if i < 0 {
			return
		}
		b.generateImpliedEndTags(0)
		if b.topIs(atom.Form) {
			b.popUntil(defaultScope, atom.Form)
		}
		return
	}
	n := b.form
	b.form = 0
	i := b.inScope(defaultScope, atom.Form)
	if n == 0 || i < 0 || b.stack[i] != n {
		return
	}
	b.generateImpliedEndTags(0)
	b.removeOpen(n)
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

func (b *builder) templateOpen() bool {
	for _, n := range b.stack {
		if b.is(n, atom.Template) {
			return true
		}
	}
	return false
}
