package textpage

import (
	"strings"
	"unicode"
)

// blockKind is what a run of lines is.
type blockKind int

const (
	blockParagraph blockKind = iota // text lines with no blank line between
	blockList                       // list items, blank lines between them allowed
	blockHeading
)

// block is a paragraph, a list or a heading.
type block struct {
	kind    blockKind
	lines   []*textLine
	heading *heading // blockHeading
	nodes   []*node  // blockList: the top-level items
	dumper  dumper   // blockParagraph: what wrote it, for joining its lines
}

// node is a list item with the items nested under it, or — when group is
// set — the heading of a group of items inside a list (a mega-menu's
// column heading), the items of the group nested under it.
type node struct {
	raw      rawItem
	group    *heading
	children []*node
}

// groupHeading is the heading a node stands for: a line of its own inside
// a list (lynx, w3m), or a list item that is a heading ("* ## Global").
func (n *node) groupHeading() *heading {
	if n.group != nil {
		return n.group
	}
	return parseHeading(n.raw.text)
}

// firstLine is the number of the block's first line.
func (b *block) firstLine() int { return b.lines[0].num }

// topIndent is the indentation of a list's top-level items.
func (b *block) topIndent() int { return b.nodes[0].raw.indent }

// grouper groups the classified lines into blocks. Nesting is decided by
// the bullets' indentation, whatever its width (two spaces in html2text,
// five in lynx, four in w3m).
type grouper struct {
	lines    []*textLine
	d        dumper
	blocks   []*block
	cur      *block
	stack    []*node
	lastItem *node
	// gap: a blank line since the last list item.
	gap bool
}

// groupBlocks groups the classified lines into blocks. In Markdown a list
// goes on across blank lines as long as list items follow; lynx and w3m set
// separate lists apart by a blank line, so there a blank line ends a list
// unless the items after it are nested deeper than its top level: they
// continue a submenu after a group heading.
func groupBlocks(lines []*textLine, d dumper) []*block {
	g := &grouper{lines: lines, d: d}
	for i, l := range lines {
		switch l.kind {
		case lineBlank, lineIgnored:
			if g.cur != nil && g.cur.kind == blockParagraph {
				g.cur = nil
			}
			g.lastItem, g.gap = nil, true
		case lineRule:
			g.cur, g.lastItem = nil, nil
		case lineSetext:
			g.setext(i)
		case lineHeading:
			if g.groupInList(i) || g.wrappedHeading(i) {
				continue
			}
			g.blocks = append(g.blocks, &block{kind: blockHeading, lines: []*textLine{l}, heading: l.heading})
			g.cur, g.lastItem = nil, nil
		case lineItems:
			g.items(l)
		case lineText:
			g.text(i)
		}
	}
	return g.blocks
}

func (g *grouper) setext(i int) {
	l, cur := g.lines[i], g.cur
	if cur != nil && cur.kind == blockParagraph && cur.lines[len(cur.lines)-1] == g.lines[i-1] {
		prev := g.lines[i-1]
		cur.lines = cur.lines[:len(cur.lines)-1]
		if len(cur.lines) == 0 {
			g.blocks = g.blocks[:len(g.blocks)-1]
		}
		prev.kind = lineHeading
		prev.heading = &heading{level: l.setextLevel, text: trimSpace(prev.runes)}
		g.blocks = append(g.blocks, &block{kind: blockHeading, lines: []*textLine{prev}, heading: prev.heading})
	}
	g.cur, g.lastItem = nil, nil
}

// wrappedHeading joins a lynx heading wrapped onto a second line to the
// heading above it.
func (g *grouper) wrappedHeading(i int) bool {
	if i == 0 || len(g.blocks) == 0 || g.d != dumpLynx {
		return false
	}
	last := g.blocks[len(g.blocks)-1]
	if last.kind != blockHeading || last.lines[len(last.lines)-1] != g.lines[i-1] {
		return false
	}
	last.lines = append(last.lines, g.lines[i])
	last.heading.text = appendWrapped(last.heading.text, g.lines[i].runes)
	return true
}

func (g *grouper) items(l *textLine) {
	newList := g.cur == nil || g.cur.kind != blockList
	if !newList && g.gap && g.d.dump() && l.items[0].indent <= g.cur.topIndent() {
		newList = true
	}
	if newList {
		g.cur = &block{kind: blockList}
		g.blocks = append(g.blocks, g.cur)
		g.stack = nil
	}
	g.gap = false
	g.cur.lines = append(g.cur.lines, l)
	for _, raw := range l.items {
		n := &node{raw: raw}
		for len(g.stack) > 0 && g.stack[len(g.stack)-1].raw.indent >= raw.indent {
			g.stack = g.stack[:len(g.stack)-1]
		}
		g.push(n)
		g.lastItem = n
	}
}

// push adds n under the innermost open item, or at the top level.
func (g *grouper) push(n *node) {
	if len(g.stack) == 0 {
		g.cur.nodes = append(g.cur.nodes, n)
	} else {
		parent := g.stack[len(g.stack)-1]
		parent.children = append(parent.children, n)
	}
	g.stack = append(g.stack, n)
}

func (g *grouper) text(i int) {
	l := g.lines[i]
	if g.lastItem != nil && l.indent > g.lastItem.raw.indent {
		// A long item wrapped onto the next line (lynx, w3m).
		g.lastItem.raw.text = joinWrapped(g.lastItem.raw.text, l.runes, g.d)
		return
	}
	if g.groupInList(i) {
		return
	}
	g.lastItem = nil
	if g.cur != nil && g.cur.kind == blockParagraph {
		g.cur.lines = append(g.cur.lines, l)
		return
	}
	g.cur = &block{kind: blockParagraph, lines: []*textLine{l}, dumper: g.d}
	g.blocks = append(g.blocks, g.cur)
}

// groupInList reads a short line after a blank one inside a list of a lynx
// or w3m dump as the heading of the items after it, when they are nested
// deeper than the list's top level: the column heading of a mega-menu,
// which those programs set apart by a blank line, out of the list's
// indentation.
func (g *grouper) groupInList(i int) bool {
	l := g.lines[i]
	if !g.d.dump() || g.cur == nil || g.cur.kind != blockList || !g.gap {
		return false
	}
	next := nextItemLine(g.lines, i)
	if next == nil || next.items[0].indent <= g.cur.topIndent() {
		return false
	}
	text := trimSpace(l.runes)
	if !isLabelLine(runesString(text)) {
		return false
	}
	indent := next.items[0].indent
	for len(g.stack) > 0 && (g.stack[len(g.stack)-1].raw.indent >= indent || g.stack[len(g.stack)-1].group != nil) {
		g.stack = g.stack[:len(g.stack)-1]
	}
	// One column short of its items, so that they nest under it and the
	// next group heading closes it.
	n := &node{raw: rawItem{line: l.num, indent: indent - 1, bulletCol: int(text[0].col)}, group: &heading{level: 3, text: text}}
	g.push(n)
	g.cur.lines = append(g.cur.lines, l)
	g.lastItem = nil
	return true
}

// nextItemLine is the next line with text after line i when it holds list
// items, else nil.
func nextItemLine(lines []*textLine, i int) *textLine {
	for _, l := range lines[i+1:] {
		switch l.kind {
		case lineBlank, lineIgnored:
			continue
		case lineItems:
			return l
		}
		return nil
	}
	return nil
}

// brokenWord: the text's last line is one word that fills a lynx line to
// its last column, where lynx breaks a word too long for a line (a
// -list_inline URL with its label: "[https://…/cloud.html#pricing]Pricin"
// and "g"; links written with nothing between them). A word that fits the line exactly looks the same; it is rarer
// than a broken one, and read as one (docs/text-snapshots.md).
func brokenWord(text []prune) bool {
	if len(text) == 0 || int(text[len(text)-1].col) != lynxLastColumn {
		return false
	}
	last := text[len(text)-1].line
	for i := len(text) - 1; i >= 0 && text[i].line == last; i-- {
		if unicode.IsSpace(text[i].r) {
			return false
		}
	}
	return true
}

// joinWrapped joins a wrapped line to the text before it: with one space,
// or with none after a word that lynx broke.
func joinWrapped(text, next []prune, d dumper) []prune {
	if d == dumpLynx && brokenWord(text) {
		// Never write into the line the text is a slice of.
		return append(text[:len(text):len(text)], trimSpace(next)...)
	}
	return appendWrapped(text, next)
}

// appendWrapped joins a wrapped line to the text before it with one space.
func appendWrapped(text, next []prune) []prune {
	next = trimSpace(next)
	if len(next) == 0 {
		return text
	}
	if len(text) > 0 {
		last := text[len(text)-1]
		// Never write into the line text is a slice of.
		text = append(text[:len(text):len(text)], prune{r: ' ', line: last.line, col: last.col + 1})
	}
	return append(text, next...)
}

// paragraphText is the paragraph's lines joined by single spaces.
func (b *block) paragraphText() []prune {
	var out []prune
	for _, l := range b.lines {
		out = joinWrapped(out, l.runes, b.dumper)
	}
	return out
}

// words splits text at white space, keeping each word's code points.
func words(rs []prune) [][]prune {
	var out [][]prune
	start := -1
	for i, p := range rs {
		if unicode.IsSpace(p.r) {
			if start >= 0 {
				out = append(out, rs[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, rs[start:])
	}
	return out
}

// joinWords is the words joined by single spaces.
func joinWords(ws [][]prune) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = runesString(w)
	}
	return strings.Join(parts, " ")
}
