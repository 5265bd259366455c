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
}

// node is a list item with the items nested under it.
type node struct {
	raw      rawItem
	children []*node
}

// firstLine is the number of the block's first line.
func (b *block) firstLine() int { return b.lines[0].num }

// groupBlocks groups the classified lines into blocks. A list goes on across
// blank lines as long as list items follow; nesting is decided by the
// bullets' indentation, whatever its width (two spaces in html2text, more in
// lynx and w3m).
func groupBlocks(lines []*textLine) []*block {
	var (
		blocks   []*block
		cur      *block
		stack    []*node
		lastItem *node
	)
	for i, l := range lines {
		switch l.kind {
		case lineBlank, lineIgnored:
			if cur != nil && cur.kind == blockParagraph {
				cur = nil
			}
			lastItem = nil
		case lineRule:
			cur, lastItem = nil, nil
		case lineSetext:
			if cur != nil && cur.kind == blockParagraph && cur.lines[len(cur.lines)-1] == lines[i-1] {
				prev := lines[i-1]
				cur.lines = cur.lines[:len(cur.lines)-1]
				if len(cur.lines) == 0 {
					blocks = blocks[:len(blocks)-1]
				}
				prev.kind = lineHeading
				prev.heading = &heading{level: l.setextLevel, text: trimSpace(prev.runes)}
				blocks = append(blocks, &block{kind: blockHeading, lines: []*textLine{prev}, heading: prev.heading})
			}
			cur, lastItem = nil, nil
		case lineHeading:
			blocks = append(blocks, &block{kind: blockHeading, lines: []*textLine{l}, heading: l.heading})
			cur, lastItem = nil, nil
		case lineItems:
			if cur == nil || cur.kind != blockList {
				cur = &block{kind: blockList}
				blocks = append(blocks, cur)
				stack = nil
			}
			cur.lines = append(cur.lines, l)
			for _, raw := range l.items {
				n := &node{raw: raw}
				for len(stack) > 0 && stack[len(stack)-1].raw.indent >= raw.indent {
					stack = stack[:len(stack)-1]
				}
				if len(stack) == 0 {
					cur.nodes = append(cur.nodes, n)
				} else {
					parent := stack[len(stack)-1]
					parent.children = append(parent.children, n)
				}
				stack = append(stack, n)
				lastItem = n
			}
		case lineText:
			if lastItem != nil && l.indent > lastItem.raw.indent {
				// A long item wrapped onto the next line (lynx, w3m).
				lastItem.raw.text = appendWrapped(lastItem.raw.text, l.runes)
				continue
			}
			lastItem = nil
			if cur != nil && cur.kind == blockParagraph {
				cur.lines = append(cur.lines, l)
				continue
			}
			cur = &block{kind: blockParagraph, lines: []*textLine{l}}
			blocks = append(blocks, cur)
		}
	}
	return blocks
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
		out = appendWrapped(out, l.runes)
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
