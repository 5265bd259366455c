package textpage

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
)

// lineKind is what one line of a snapshot is, before lines are grouped.
type lineKind int

const (
	lineBlank   lineKind = iota
	lineIgnored          // consumed elsewhere: a directive, a comment, a reference list
	lineText
	lineItems   // one or more list items
	lineHeading // an ATX heading ("## Global")
	lineRule    // a thematic break ("* * *", "---")
	lineSetext  // "===" or "---" under a text line
)

// prune is one code point of the snapshot with its 1-based position, so that
// text joined across wrapped lines still knows where each character stood.
type prune struct {
	r    rune
	line int32
	col  int32
}

func (p prune) pos() page.Pos { return page.Pos{Line: int(p.line), Column: int(p.col)} }

// textLine is one line of the snapshot.
type textLine struct {
	num   int
	runes []prune
	kind  lineKind
	// indent is the width of the leading white space, tabs to the next
	// multiple of four: what nesting is decided on.
	indent int
	items  []rawItem // lineItems
	// heading is set for lineHeading (and for a paragraph line that a
	// setext underline turned into one).
	heading *heading
	// setextLevel is 1 for "===" and 2 for "---" (lineSetext).
	setextLevel int
}

// rawItem is one list item as written: where its bullet stands and its text.
type rawItem struct {
	line      int     // line number of the bullet
	indent    int     // visual indentation of the bullet
	bulletCol int     // 1-based column of the bullet
	text      []prune // the text after the bullet (continuation lines appended)
}

// heading is an ATX or setext heading.
type heading struct {
	level int
	text  []prune
}

// decode checks that data is text and splits it into lines.
func decode(data []byte) ([]*textLine, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		return nil, fmt.Errorf("not a text snapshot: invalid UTF-8 at byte %d", off)
	}
	for i, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' {
			return nil, fmt.Errorf("not a text snapshot: binary data (control byte 0x%02x at byte %d)", b, i)
		}
	}
	raw := strings.Split(string(data), "\n")
	if n := len(raw); n > 0 && raw[n-1] == "" {
		raw = raw[:n-1]
	}
	lines := make([]*textLine, len(raw))
	for i, s := range raw {
		s = strings.TrimSuffix(s, "\r")
		l := &textLine{num: i + 1, runes: make([]prune, 0, utf8.RuneCountInString(s))}
		col := int32(1)
		for _, r := range s {
			l.runes = append(l.runes, prune{r: r, line: int32(i + 1), col: col})
			col++
		}
		lines[i] = l
	}
	return lines, nil
}

func invalidUTF8Offset(data []byte) int {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return off
		}
		off += size
	}
	return len(data)
}

// classify decides the kind of every line not already consumed. lynx and
// w3m write no Markdown: in their dumps a line is a list item or text, and
// lynx's headings are told by where they stand (see lynxHeading).
func classify(lines []*textLine, d dumper) {
	fence := ""
	for i, l := range lines {
		if l.kind == lineIgnored {
			continue
		}
		start, indent := leadingSpace(l.runes)
		l.indent = indent
		rest := l.runes[start:]
		if d.dump() {
			classifyDumped(lines, i, start, indent, d)
			continue
		}
		// A fenced code block is text, whatever it holds.
		if f := fenceOf(rest); fence == "" && f != "" {
			fence = f
			l.kind = lineText
			continue
		} else if fence != "" {
			if f == fence {
				fence = ""
			}
			l.kind = lineText
			continue
		}
		switch {
		case len(rest) == 0:
			l.kind = lineBlank
		case indent <= 3 && isSetextUnderline(rest) != 0 && i > 0 && lines[i-1].kind == lineText:
			l.kind = lineSetext
			l.setextLevel = isSetextUnderline(rest)
		case indent == 0 && isThematicBreak(rest):
			l.kind = lineRule
		case indent <= 3 && parseHeading(rest) != nil:
			l.kind = lineHeading
			l.heading = parseHeading(rest)
		default:
			if items := parseBullets(l.runes, start, indent); items != nil {
				l.kind = lineItems
				l.items = items
			} else {
				l.kind = lineText
			}
		}
	}
}

func classifyDumped(lines []*textLine, i, start, indent int, d dumper) {
	l := lines[i]
	rest := l.runes[start:]
	switch {
	case len(rest) == 0:
		l.kind = lineBlank
	case isDumpedRule(rest):
		l.kind = lineRule
	case indent == 0 && parseHeading(rest) != nil:
		// lynx and w3m write no "#": this is a title a person put on top.
		l.kind, l.heading = lineHeading, parseHeading(rest)
	case d.isDumpedBullet(l):
		// One item a line: a row of bullets is Markdown's.
		n, _ := bulletAt(l.runes, start, indent)
		l.kind = lineItems
		l.items = []rawItem{{line: l.num, indent: indent, bulletCol: int(l.runes[start].col), text: trimSpace(l.runes[start+n:])}}
	default:
		l.kind = lineText
		if d == dumpLynx {
			if level := lynxHeading(lines, i, indent, len(rest)); level > 0 {
				l.kind = lineHeading
				l.heading = &heading{level: level, text: trimSpace(rest)}
			}
		}
	}
}

// isDumpedRule: a line of one repeated rule character, what lynx ("____")
// and w3m ("━━━━") write for <hr> (and lynx for an empty text field).
func isDumpedRule(rs []prune) bool {
	rs = trimSpace(rs)
	if len(rs) < 10 || !strings.ContainsRune("_-=─━", rs[0].r) {
		return false
	}
	for _, p := range rs {
		if p.r != rs[0].r {
			return false
		}
	}
	return true
}

// lynxWidth is the width lynx centres a level-one heading in, and
// lynxLastColumn the last column it fills, at its default width of 80.
const (
	lynxWidth      = 79
	lynxLastColumn = 74
)

// lynxHeading is the level of a lynx heading, 0 for a line of text. lynx
// sets its text three columns in and headings further out (h2 and h3 at
// columns one and three); a level-one heading stands alone, centred.
func lynxHeading(lines []*textLine, i, indent, width int) int {
	switch {
	case indent < 2:
		return 2
	case indent < 3:
		return 3
	}
	if indent < 8 || !blankAround(lines, i) {
		return 0
	}
	if centre := 2*indent + width; centre >= lynxWidth-3 && centre <= lynxWidth+2 {
		return 1
	}
	return 0
}

// blankAround: line i has no text right above or below it.
func blankAround(lines []*textLine, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(lines) && len(trimSpace(lines[j].runes)) > 0 {
			return false
		}
	}
	return true
}

// fenceOf returns "```" or "~~~" when a line opens or closes a fenced code
// block.
func fenceOf(rs []prune) string {
	s := runesString(rs)
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(s, f) {
			return f
		}
	}
	return ""
}

// leadingSpace returns the index of the first non-space code point and the
// visual width of the space before it.
func leadingSpace(rs []prune) (int, int) {
	width := 0
	for i, p := range rs {
		switch {
		case p.r == '\t':
			width += 4 - width%4
		case unicode.IsSpace(p.r):
			width++
		default:
			return i, width
		}
	}
	return len(rs), width
}

func trimSpace(rs []prune) []prune {
	for len(rs) > 0 && unicode.IsSpace(rs[0].r) {
		rs = rs[1:]
	}
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1].r) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

func runesString(rs []prune) string {
	var b strings.Builder
	b.Grow(len(rs))
	for _, p := range rs {
		b.WriteRune(p.r)
	}
	return b.String()
}

// isSetextUnderline returns 1 for "===", 2 for "---" and 0 otherwise.
func isSetextUnderline(rs []prune) int {
	s := strings.TrimSpace(runesString(rs))
	switch {
	case len(s) >= 3 && strings.Trim(s, "=") == "":
		return 1
	case len(s) >= 3 && strings.Trim(s, "-") == "":
		return 2
	}
	return 0
}

// isThematicBreak reports "* * *", "---", "***", "___": what html2text
// writes for <hr>. Marks set wider apart ("*   *   *") are a row of empty
// list items, the way icon-only links render.
func isThematicBreak(rs []prune) bool {
	var mark rune
	n, gap := 0, 0
	for _, p := range trimSpace(rs) {
		switch {
		case unicode.IsSpace(p.r):
			gap++
			if gap > 1 {
				return false
			}
		case mark == 0 && (p.r == '*' || p.r == '-' || p.r == '_'):
			mark = p.r
			n++
		case p.r == mark:
			n, gap = n+1, 0
		default:
			return false
		}
	}
	return n >= 3
}

// parseHeading reads "## text" (closing hashes dropped); nil when rs is no
// heading.
func parseHeading(rs []prune) *heading {
	level := 0
	for level < len(rs) && rs[level].r == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(rs) && !unicode.IsSpace(rs[level].r)) {
		return nil
	}
	text := trimSpace(rs[level:])
	// A closing sequence of hashes is decoration.
	end := len(text)
	for end > 0 && text[end-1].r == '#' {
		end--
	}
	if end == 0 || unicode.IsSpace(text[end-1].r) {
		text = trimSpace(text[:end])
	}
	return &heading{level: level, text: text}
}

// parseBullets reads the list items of a line, or returns nil when the line
// is no list item. Several bullets with nothing between them are several
// empty items (a row of icon-only links renders as "*   *   *   *").
func parseBullets(rs []prune, start, indent int) []rawItem {
	n, ok := bulletAt(rs, start, indent)
	if !ok {
		return nil
	}
	mark := rs[start].r
	var items []rawItem
	for {
		textStart := start + n
		for textStart < len(rs) && unicode.IsSpace(rs[textStart].r) {
			textStart++
		}
		item := rawItem{line: int(rs[start].line), indent: indent, bulletCol: int(rs[start].col)}
		if next, ok := sameBulletAt(rs, textStart, mark); ok && textStart > start+n {
			items = append(items, item)
			start = textStart
			n = next
			continue
		}
		item.text = trimSpace(rs[textStart:])
		return append(items, item)
	}
}

// bulletAt reports whether a bullet starts at rs[i] and how many code points
// it takes.
func bulletAt(rs []prune, i, indent int) (int, bool) {
	if i >= len(rs) {
		return 0, false
	}
	followed := func(n int) bool { return i+n == len(rs) || unicode.IsSpace(rs[i+n].r) }
	switch r := rs[i].r; r {
	case '*', '-', '+', '•', '◦', '▪', '‣', '∙', '·', '□', '☆', '○', '■', '★':
		return 1, followed(1)
	case 'o', '#', '@':
		// lynx's third to fifth levels; only that deep, so that a
		// heading or a sentence starting with "o" is never a bullet.
		return 1, indent >= 4 && followed(1)
	}
	digits := 0
	for i+digits < len(rs) && rs[i+digits].r >= '0' && rs[i+digits].r <= '9' {
		digits++
	}
	if digits == 0 || digits > 3 || i+digits >= len(rs) {
		return 0, false
	}
	if p := rs[i+digits].r; p != '.' && p != ')' {
		return 0, false
	}
	return digits + 1, followed(digits + 1)
}

func sameBulletAt(rs []prune, i int, mark rune) (int, bool) {
	if i >= len(rs) || rs[i].r != mark {
		return 0, false
	}
	n, ok := bulletAt(rs, i, 4)
	return n, ok && (mark != 'o' && mark != '#' && mark != '@')
}
