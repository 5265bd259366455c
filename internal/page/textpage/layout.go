package textpage

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits of the shapes that decide the layout. A label names the list under
// it ("Company", "Developer & IT"): one short line, no sentence.
const (
	maxLabelWords = 8
	maxLabelRunes = 60
	// legalBarBlocks bounds how far back from the end the legal bar (the
	// free text and the last list after the footer's columns) may reach.
	legalBarBlocks = 6
	// proseWords: a line this long is body text, not a name or a label.
	proseWords = 8
	// minColumns is the number of labelled lists that make a footer
	// without a copyright notice.
	minColumns = 2
)

// layout is where the header navigation ends and the footer starts, as
// block indexes: blocks[:headerEnd] are the header's, blocks[footerStart:]
// the footer's (footerStart == len(blocks) when there is no footer).
type layout struct {
	headerEnd   int
	footerStart int
}

func decideLayout(blocks []*block, b *builder) layout {
	end := headerEnd(blocks)
	if !hasTitleHeading(blocks) {
		// Without a title heading the header ends at the first prose,
		// which must not be the footer's: look for it before the footer
		// as found past the first list.
		end = headerEnd(blocks[:b.footerStart(blocks, firstListEnd(blocks))])
	}
	start := b.footerStart(blocks, end)
	if f := footerLabel(blocks, end); f >= 0 && f < start {
		start = f
	}
	return layout{headerEnd: end, footerStart: start}
}

// footerWord names the footer in the heading that many sites give it for
// screen readers ("Footer", "Footer menu"), which a text dump shows.
var footerWord = regexp.MustCompile(`(?i)\bfooter\b`)

// footerLabel is the index of the last label after the header that names
// the footer, -1 for none.
func footerLabel(blocks []*block, from int) int {
	for i := len(blocks) - 1; i > from; i-- {
		if isLabel(blocks[i]) && footerWord.MatchString(runesString(blocks[i].lines[0].runes)) {
			return i
		}
	}
	return -1
}

func hasTitleHeading(blocks []*block) bool {
	for _, b := range blocks {
		if b.kind == blockHeading && b.heading.level == 1 {
			return true
		}
	}
	return false
}

// firstListEnd is the index of the block after the first list, 0 when
// there is none.
func firstListEnd(blocks []*block) int {
	for i, b := range blocks {
		if b.kind == blockList {
			return i + 1
		}
	}
	return 0
}

// headerEnd is the first top-level heading; a snapshot without one (lynx
// and w3m write headings as plain text) ends its header at the first
// heading of any level, else at the first line of prose, else after its
// first list.
func headerEnd(blocks []*block) int {
	for i, b := range blocks {
		if b.kind == blockHeading && b.heading.level == 1 {
			return i
		}
	}
	for i, b := range blocks {
		if b.kind == blockHeading {
			return i
		}
	}
	for i, b := range blocks {
		if b.kind == blockParagraph && isProse(b) {
			return i
		}
	}
	return firstListEnd(blocks)
}

// footerStart finds the trailing run of labelled lists. From the end it
// first passes the legal bar (free text and unlabelled lists, a few blocks
// at most, no heading), then takes labelled lists back for as long as they
// look like footer columns: one item a line, items with text, labels all of
// one kind. A row of icon-only links ("Follow us") or a list under a heading
// of the body is no column, and ends the run, and so does the first block
// after the header, which starts the body. With no column the footer is
// the block with the copyright notice (and the list right before it).
func (b *builder) footerStart(blocks []*block, from int) int {
	n := len(blocks)
	i := n - 1
	for steps := 0; i > from && !isLabelledList(blocks, i); steps++ {
		if blocks[i].kind == blockHeading || steps >= legalBarBlocks {
			return b.copyrightFooter(blocks, from)
		}
		i--
	}
	legalBar := blocks[i+1:]
	start, kind, columns := -1, "", 0
	for i-1 > from && isLabelledList(blocks, i) && b.isColumn(blocks[i]) {
		k := labelKind(blocks[i-1])
		if kind != "" && k != kind {
			break
		}
		kind, start = k, i-1
		columns++
		i -= 2
	}
	// One labelled list at the end of a page is a footer only with a
	// copyright notice after it; else it may as well be the body's last
	// section.
	if start < 0 || (columns < minColumns && !anyCopyright(legalBar)) {
		return b.copyrightFooter(blocks, from)
	}
	return start
}

func anyCopyright(blocks []*block) bool {
	for _, b := range blocks {
		if blockHasCopyright(b) {
			return true
		}
	}
	return false
}

// copyrightFooter is the footer of a page without columns: the block with
// the copyright notice, and the list or the row of links right before it
// ("Privacy | Terms | Imprint").
func (b *builder) copyrightFooter(blocks []*block, from int) int {
	n := len(blocks)
	for j := n - 1; j >= from && j >= n-legalBarBlocks; j-- {
		if !blockHasCopyright(blocks[j]) {
			continue
		}
		if blocks[j].kind == blockParagraph && j-1 >= from && (blocks[j-1].kind == blockList || b.isLinkRow(blocks[j-1])) {
			return j - 1
		}
		return j
	}
	return n
}

// isLinkRow: a paragraph of links, buttons and names set apart by
// separators, two at least: the legal bar's row.
func (b *builder) isLinkRow(bl *block) bool {
	if bl.kind != blockParagraph {
		return false
	}
	items := 0
	for _, s := range parseInline(bl.paragraphText(), b.refs) {
		es := b.segmentEntries(s, 0, "", false)
		if es == nil && strings.Trim(runesString(s.text), " "+separators) != "" {
			return false
		}
		items += len(es)
	}
	return items > 1
}

// isLabelledList: blocks[i] is a list right under a label.
func isLabelledList(blocks []*block, i int) bool {
	return i > 0 && blocks[i].kind == blockList && isLabel(blocks[i-1])
}

// isLabel: a heading below the top level, or one short line that is no
// sentence and no copyright notice.
func isLabel(b *block) bool {
	switch b.kind {
	case blockHeading:
		return b.heading.level > 1 && len(trimSpace(b.heading.text)) > 0
	case blockParagraph:
		return len(b.lines) == 1 && isLabelLine(runesString(b.lines[0].runes))
	}
	return false
}

// isLabelLine: a short line that is no sentence and no copyright notice.
func isLabelLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxLabelRunes || len(strings.Fields(s)) > maxLabelWords {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false
	}
	_, isCopyright := copyrightText(s)
	return !isCopyright
}

// labelKind tells text labels from headings of each level, so that a run of
// footer columns never takes in a list under a heading of the body.
func labelKind(b *block) string {
	if b.kind == blockHeading {
		return fmt.Sprintf("h%d", b.heading.level)
	}
	return "text"
}

// isColumn: a list of one item a line, at least one with text — and, where
// a dump marks its links, at least one link ("Why us" over a list of plain
// points is the body's).
func (b *builder) isColumn(bl *block) bool {
	withText, withLink := false, !b.dumper.dump() || !b.explicit
	for _, l := range bl.lines {
		if len(l.items) != 1 {
			return false
		}
		if len(l.items[0].text) > 0 {
			withText = true
		}
		if !withLink && hasLinks(parseInline(l.items[0].text, b.refs)) {
			withLink = true
		}
	}
	return withText && withLink
}

// isProse: a paragraph with a sentence or a long line in it, other than a
// copyright notice ("© 2025 Contoso Ltd." belongs to the footer).
func isProse(b *block) bool {
	for _, l := range b.lines {
		s := strings.TrimSpace(runesString(l.runes))
		if _, ok := copyrightText(s); ok {
			continue
		}
		if len(strings.Fields(s)) >= proseWords || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
			return true
		}
	}
	return false
}

func blockHasCopyright(b *block) bool {
	for _, l := range b.lines {
		if _, ok := copyrightText(runesString(l.runes)); ok {
			return true
		}
	}
	return false
}
