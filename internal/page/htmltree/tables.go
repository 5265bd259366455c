package htmltree

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pagelint/pagelint/internal/page"
)

// Tables and templates. While a table part, a cell, a caption or a
// template is the innermost of them open (b.ctx), the tags of tables are
// sorted into place: rows into an implied tbody, cells into an implied
// tr; a tag of an outer part closes the inner ones. Content that stands in
// a table where only rows and cells may (<table><a href=…>) is "foster
// parented": moved before the table, as browsers render it.

// tablePart: n is an element that holds rows or cells, not content.
func (b *Builder) tablePart(n NodeID) bool {
	if n == 0 || b.Nodes[n].NS != NSHTML {
		return false
	}
	switch b.Nodes[n].Atom {
	case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
		return true
	}
	return false
}

// tableTag: a is the tag of a part of a table, but the table.
func tableTag(a atom.Atom) bool {
	return a != atom.Table && a != atom.Template && (PropsOf(a)&pTableCtx != 0 || a == atom.Col)
}

// colgroupSpace adds the white space that begins the text of the current
// token to the colgroup, and leaves the rest in the token: browsers read
// a colgroup's text a character at a time, and the first that is no white
// space closes it.
func (b *Builder) colgroupSpace() {
	t := &b.tok
	n := skipSpace(t.Text, 0)
	if n == 0 {
		return
	}
	end := t.End
	t.End -= int32(len(t.Text) - n) // where the white space ends, for addText
	b.addText(t.Text[:n])
	t.End, t.Text = end, t.Text[n:]
}

func (b *Builder) inTable() bool {
	t := &b.tok
	ctx := b.Nodes[b.ctx].Atom
	content := ctx == atom.Td || ctx == atom.Th || ctx == atom.Caption || ctx == atom.Template
	switch t.kind {
	case html.TextToken:
		switch {
		case content:
			return b.inBody()
		case IsSpace(t.Text) && (ctx == atom.Colgroup || b.tablePart(b.top())):
			b.addText(t.Text)
			return true
		case ctx == atom.Colgroup:
			b.colgroupSpace()
			return b.closeTablePart()
		}
	case html.StartTagToken:
		switch {
		case ctx == atom.Template && tableTag(t.Atom):
			b.insert(NSHTML) // a template holds any part of a table
			return true
		case tableTag(t.Atom), t.Atom == atom.Table && !content:
			return b.tablePartStart(ctx)
		case content, t.Atom == atom.Template:
			return b.inBody()
		case ctx == atom.Colgroup:
			return b.closeTablePart()
		case t.Atom == atom.Style, t.Atom == atom.Script:
			return b.inBody()
		case t.Atom == atom.Input:
			if typ, _ := b.AttrIn(t.Attrs, atom.Type); page.EqualFoldASCII(typ, "hidden") {
				b.insert(NSHTML)
				return true
			}
		case t.Atom == atom.Form:
			if b.templates == 0 && b.form == 0 {
				b.form = b.insert(NSHTML)
				b.pop()
			}
			return true
		}
	case html.EndTagToken:
		switch {
		case ctx != atom.Template && (tableTag(t.Atom) || t.Atom == atom.Table):
			b.tablePartEnd()
			return true
		case content, t.Atom == atom.Template, t.Atom == atom.Body, t.Atom == atom.Html:
			return b.inBody()
		case ctx == atom.Colgroup:
			return b.closeTablePart()
		}
	default:
		return b.inBody()
	}
	b.fosterParenting = true
	done := b.inBody()
	b.fosterParenting = false
	return done
}

// tablePartStart reads the start tag of a part of a table inside part ctx:
// it goes in where it belongs, implying the parts left out and closing
// those it ends.
func (b *Builder) tablePartStart(ctx atom.Atom) bool {
	t := b.tok.Atom
	var holds bool
	switch ctx {
	case atom.Table:
		switch t {
		case atom.Caption, atom.Colgroup, atom.Tbody, atom.Thead, atom.Tfoot:
			holds = true
		case atom.Tr, atom.Td, atom.Th:
			b.implied(html.StartTagToken, atom.Tbody)
			return false
		case atom.Col:
			b.implied(html.StartTagToken, atom.Colgroup)
			return false
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		holds = t == atom.Tr
		if t == atom.Td || t == atom.Th {
			b.implied(html.StartTagToken, atom.Tr)
			return false
		}
	case atom.Tr:
		holds = t == atom.Td || t == atom.Th
	case atom.Colgroup:
		holds = t == atom.Col
	case atom.Caption:
		if t == atom.Th {
			return true // as x/net/html reads it (browsers close the caption)
		}
	}
	if !holds {
		return b.closeTablePart()
	}
	b.popTo(b.indexOpen(b.ctx) + 1) // what stands open inside the part
	b.insert(NSHTML)
	if t == atom.Td || t == atom.Th || t == atom.Caption {
		b.afe = append(b.afe, 0)
	}
	return true
}

// closeTablePart closes the innermost part and reads the token again.
func (b *Builder) closeTablePart() bool {
	b.closeTo(b.indexOpen(b.ctx))
	return false
}

// tablePartEnd closes the part of a table the end tag names, with the
// parts inside it; it is ignored when no such part is open in this table.
func (b *Builder) tablePartEnd() {
	if t := b.tok.Atom; t != atom.Col {
		if i := b.inScope(tableScope, t); i >= 0 {
			b.closeTo(i)
		}
	}
}

// closeTo pops the stack down to length i; when a cell or caption closes,
// the formatting elements opened inside it are forgotten.
func (b *Builder) closeTo(i int) {
	cell := false
	for _, n := range b.stack[i:] {
		cell = cell || b.Is(n, atom.Td) || b.Is(n, atom.Th) || b.Is(n, atom.Caption)
	}
	b.popTo(i)
	if cell {
		b.clearFormattingToMarker()
	}
}

// fosterPlace is where foster-parented content goes: before the innermost
// open table, or into a template opened inside it.
func (b *Builder) fosterPlace() (parent, ref NodeID) {
	for i := len(b.stack) - 1; i > 0; i-- {
		switch n := b.stack[i]; {
		case b.Is(n, atom.Template):
			return n, 0
		case b.Is(n, atom.Table):
			if p := b.Nodes[n].Parent; p != 0 {
				return p, n
			}
			return b.stack[i-1], 0
		}
	}
	return b.stack[0], 0
}

func (b *Builder) startTemplate() {
	b.insert(NSHTML)
	b.afe = append(b.afe, 0)
}

func (b *Builder) endTemplate() {
	if b.templates == 0 {
		return
	}
	b.generateImpliedEndTags(0)
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.Is(b.stack[i], atom.Template) {
			b.popTo(i)
			break
		}
	}
	b.clearFormattingToMarker()
}
