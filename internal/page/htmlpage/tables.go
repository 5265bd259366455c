package htmlpage

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tables and templates. Content that stands in a table where only rows and
// cells may (<table><a href=…>) is "foster parented": moved before the
// table, as browsers render it.

func (b *builder) tablePart(n nodeID) bool {
	if b.nodes[n].ns != nsHTML || n == 0 {
		return false
	}
	switch b.nodes[n].atom {
	case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
		return true
	}
	return false
}

func (b *builder) shouldFosterParent() bool {
	return b.fosterParenting && b.tablePart(b.top())
}

// addChild adds n to the current node, or to its foster parent.
func (b *builder) addChild(n nodeID) {
	if b.shouldFosterParent() {
		parent, ref := b.fosterPlace()
		b.insertBefore(parent, n, ref)
		return
	}
	b.appendChild(b.top(), n)
}

// fosterPlace is where foster-parented content goes: before the innermost
// open table, or into a template opened inside it.
func (b *builder) fosterPlace() (parent, ref nodeID) {
	table, template := -1, -1
	for i := len(b.stack) - 1; i >= 0 && (table < 0 || template < 0); i-- {
		switch {
		case table < 0 && b.is(b.stack[i], atom.Table):
			table = i
		case template < 0 && b.is(b.stack[i], atom.Template):
			template = i
		}
	}
	if template >= 0 && (table < 0 || template > table) {
		return b.stack[template], 0
	}
	if table < 0 {
		return b.stack[0], 0
	}
	t := b.stack[table]
	if p := b.nodes[t].parent; p != 0 || b.nodes[0].first == t {
		return p, t
	}
	return b.stack[table-1], 0
}

// clearToContext pops the stack down to the innermost of tags (or html, or
// a template).
func (b *builder) clearToContext(tags ...atom.Atom) {
	for len(b.stack) > 1 {
		top := b.top()
		if b.is(top, atom.Html) || b.is(top, atom.Template) {
			return
		}
		for _, t := range tags {
			if b.is(top, t) {
				return
			}
		}
		b.pop()
	}
}

// resetMode chooses the insertion mode from the open elements, after a
// table or template closes.
func (b *builder) resetMode() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if b.nodes[n].ns != nsHTML {
			continue
		}
		switch b.nodes[n].atom {
		case atom.Td, atom.Th:
			b.mode = modeInCell
		case atom.Tr:
			b.mode = modeInRow
		case atom.Tbody, atom.Thead, atom.Tfoot:
			b.mode = modeInTableBody
		case atom.Caption:
			b.mode = modeInCaption
		case atom.Colgroup:
			b.mode = modeInColumnGroup
		case atom.Table:
			b.mode = modeInTable
		case atom.Template:
			b.mode = b.templateModes[len(b.templateModes)-1]
		case atom.Head:
			b.mode = modeInHead
		case atom.Body:
			b.mode = modeInBody
		case atom.Frameset:
			b.mode = modeInFrameset
		case atom.Html:
			b.mode = modeAfterHead
			if b.head == 0 {
				b.mode = modeBeforeHead
			}
		default:
			continue
		}
		return
	}
	b.mode = modeInBody
}

func (b *builder) inTable() bool {
	t := &b.tok
	switch t.kind {
	case html.TextToken:
		if b.tablePart(b.top()) && isSpace(t.text) {
			b.addText(t.text)
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Caption:
			b.clearToContext(atom.Table)
			b.afe = append(b.afe, 0)
			b.insert(nsHTML)
			b.mode = modeInCaption
			return true
		case atom.Colgroup:
			b.clearToContext(atom.Table)
			b.insert(nsHTML)
			b.mode = modeInColumnGroup
			return true
		case atom.Col:
			b.implied(html.StartTagToken, atom.Colgroup)
			return false
		case atom.Tbody, atom.Tfoot, atom.Thead:
			b.clearToContext(atom.Table)
			b.insert(nsHTML)
			b.mode = modeInTableBody
			return true
		case atom.Td, atom.Th, atom.Tr:
			b.implied(html.StartTagToken, atom.Tbody)
			return false
		case atom.Table:
			if b.popUntil(tableScope, atom.Table) {
				b.resetMode()
				return false
			}
			return true
		case atom.Style, atom.Script, atom.Template:
			return b.inHead()
		case atom.Input:
			if typ, _ := b.attrIn(t.attrs, atom.Type); equalFoldASCII(typ, "hidden") {
				b.insertVoid()
				return true
			}
		case atom.Form:
			if b.templateOpen() || b.form != 0 {
				return true
			}
			b.insert(nsHTML)
			b.form = b.pop()
			return true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Table:
			if b.popUntil(tableScope, atom.Table) {
				b.resetMode()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td,
			atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			return true
		case atom.Template:
			return b.inHead()
		}
	}
	b.fosterParenting = true
	done := b.inBody()
	b.fosterParenting = false
	return done
}

func (b *builder) inCaption() bool {
	t := &b.tok
	closes := false
	switch t.kind {
	case html.StartTagToken:
		switch t.atom {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Thead, atom.Tr:
			closes = true
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Caption, atom.Table:
			closes = true
		case atom.Body, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
			atom.Thead, atom.Tr:
			return true
		}
	}
	if !closes {
		return b.inBody()
	}
	if !b.popUntil(tableScope, atom.Caption) {
		return true
	}
	b.clearFormattingToMarker()
	b.mode = modeInTable
	return t.kind == html.EndTagToken && t.atom == atom.Caption
}

func (b *builder) inColumnGroup() bool {
	t := &b.tok
	switch t.kind {
	case html.TextToken:
		if isSpace(t.text) {
			b.addText(t.text)
			return true
		}
	case html.StartTagToken:
		switch t.atom {
		case atom.Html:
			return b.inBody()
		case atom.Col:
			b.insertVoid()
			return true
		case atom.Template:
			return b.inHead()
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Colgroup:
			if b.topIs(atom.Colgroup) {
				b.pop()
				b.mode = modeInTable
			}
			return true
		case atom.Col:
			return true
		case atom.Template:
			return b.inHead()
		}
	}
	if !b.topIs(atom.Colgroup) {
		return true
	}
	b.pop()
	b.mode = modeInTable
	return false
}

func (b *builder) inTableBody() bool {
	t := &b.tok
	switch t.kind {
	case html.StartTagToken:
		switch t.atom {
		case atom.Tr:
			b.clearToContext(atom.Tbody, atom.Tfoot, atom.Thead)
			b.insert(nsHTML)
			b.mode = modeInRow
			return true
		case atom.Td, atom.Th:
			b.implied(html.StartTagToken, atom.Tr)
			return false
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			return b.closeTableBody()
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tableScope, t.atom) >= 0 {
				b.clearToContext(atom.Tbody, atom.Tfoot, atom.Thead)
				b.pop()
				b.mode = modeInTable
			}
			return true
		case atom.Table:
			return b.closeTableBody()
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th, atom.Tr:
			return true
		}
	}
	return b.inTable()
}

func (b *builder) closeTableBody() bool {
	if b.popUntil(tableScope, atom.Tbody, atom.Thead, atom.Tfoot) {
		b.mode = modeInTable
		return false
	}
	return true
}

func (b *builder) inRow() bool {
	t := &b.tok
	switch t.kind {
	case html.StartTagToken:
		switch t.atom {
		case atom.Td, atom.Th:
			b.clearToContext(atom.Tr)
			b.insert(nsHTML)
			b.afe = append(b.afe, 0)
			b.mode = modeInCell
			return true
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			return b.closeRow(false)
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Tr:
			return b.closeRow(true)
		case atom.Table:
			return b.closeRow(false)
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tableScope, t.atom) < 0 {
				return true
			}
			return b.closeRow(false)
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th:
			return true
		}
	}
	return b.inTable()
}

// closeRow closes the open tr; consumed says the token is done with then.
func (b *builder) closeRow(consumed bool) bool {
	if b.inScope(tableScope, atom.Tr) < 0 {
		return true
	}
	b.clearToContext(atom.Tr)
	b.pop()
	b.mode = modeInTableBody
	return consumed
}

func (b *builder) inCell() bool {
	t := &b.tok
	switch t.kind {
	case html.StartTagToken:
		switch t.atom {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			if !b.popUntil(tableScope, atom.Td, atom.Th) {
				return true
			}
			b.clearFormattingToMarker()
			b.mode = modeInRow
			return false
		}
	case html.EndTagToken:
		switch t.atom {
		case atom.Td, atom.Th:
			if b.popUntil(tableScope, t.atom) {
				b.clearFormattingToMarker()
				b.mode = modeInRow
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html:
			return true
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if b.inScope(tableScope, t.atom) < 0 {
				return true
			}
			if b.popUntil(tableScope, atom.Td, atom.Th) {
				b.clearFormattingToMarker()
			}
			b.mode = modeInRow
			return false
		}
	}
	return b.inBody()
}

func (b *builder) startTemplate() {
	b.insert(nsHTML)
	b.afe = append(b.afe, 0)
	b.mode = modeInTemplate
	b.templateModes = append(b.templateModes, modeInTemplate)
}

func (b *builder) endTemplate() {
	if !b.templateOpen() {
		return
	}
	b.generateImpliedEndTags(0)
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.is(b.stack[i], atom.Template) {
			b.popTo(i)
			break
		}
	}
	b.clearFormattingToMarker()
	if len(b.templateModes) > 0 {
		b.templateModes = b.templateModes[:len(b.templateModes)-1]
	}
	b.resetMode()
}

// inTemplate reads the content of a template in the mode its first tag
// calls for.
func (b *builder) inTemplate() bool {
	t := &b.tok
	switch t.kind {
	case html.TextToken:
		return b.inBody()
	case html.EndTagToken:
		if t.atom == atom.Template {
			return b.inHead()
		}
		return true
	}
	next := modeInBody
	switch t.atom {
	case atom.Caption, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
		next = modeInTable
	case atom.Col:
		next = modeInColumnGroup
	case atom.Tr:
		next = modeInTableBody
	case atom.Td, atom.Th:
		next = modeInRow
	}
	if propsOf(t.atom)&pHeadish != 0 {
		return b.inHead()
	}
	b.templateModes[len(b.templateModes)-1] = next
	b.mode = next
	return false
}

func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
