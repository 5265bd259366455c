package page

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf8"
)

// Lines maps the byte offsets of a page's source to 1-based line and
// column, the column counted in code points. A line ends at "\n", "\r\n"
// or a lone "\r", as HTML reads it. A Lines is kept from page to page: its
// table of line starts stays.
type Lines struct {
	data   []byte
	starts []int // byte offset where each line starts

	// the last position asked: most come in source order, and go on from it
	lastOff, lastLine, lastCol int
}

// Reset makes l the lines of data.
func (l *Lines) Reset(data []byte) {
	*l = Lines{data: data, starts: append(l.starts[:0], 0)}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		l.starts[0] = 3 // a byte order mark is no column
	}
	if bytes.IndexByte(data, '\r') < 0 {
		for i := 0; ; {
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				return
			}
			i += j + 1
			l.starts = append(l.starts, i)
		}
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			l.starts = append(l.starts, i+1)
		}
	}
}

// Count is the number of lines.
func (l *Lines) Count() int { return len(l.starts) }

// runeCount is utf8.RuneCount, eight bytes at a time while they are
// ASCII, as the markup before an element mostly is.
func runeCount(b []byte) int {
	i := ASCIIPrefix(b)
	return i + utf8.RuneCount(b[i:])
}

// ASCIIPrefix is the length of b's leading ASCII bytes, read eight at a
// time, rounded down to eight: what is left to check of b one byte at a
// time.
func ASCIIPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	return i
}

// Line returns the 1-based line of byte offset off (1 inside a leading
// byte order mark).
func (l *Lines) Line(off int) int {
	return max(1, sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }))
}

// lineAfterLast is line, found by stepping on from the line of the last
// position when off is a few lines after it, as it mostly is.
func (l *Lines) lineAfterLast(off int) int {
	if l.lastLine == 0 || off < l.lastOff {
		return l.Line(off)
	}
	n := l.lastLine
	for k := 0; n < len(l.starts) && l.starts[n] <= off; k++ {
		if k == 8 {
			return l.Line(off)
		}
		n++
	}
	return n
}

// Pos returns the position of byte offset off; the zero Pos when off is
// unknown (negative) or the lines are nil (a rendered DOM has none).
func (l *Lines) Pos(off int) Pos {
	if l == nil || off < 0 || off > len(l.data) {
		return Pos{}
	}
	if l.lastLine > 0 && off >= l.lastOff && (l.lastLine == len(l.starts) || off < l.starts[l.lastLine]) {
		// on the line of the last position, after it
		l.lastCol += runeCount(l.data[l.lastOff:off])
		l.lastOff = off
		return Pos{Line: l.lastLine, Column: l.lastCol}
	}
	n := l.lineAfterLast(off)
	start := l.starts[n-1]
	if off < start { // inside a byte order mark
		return Pos{Line: n, Column: 1}
	}
	col := 1 + runeCount(l.data[start:off])
	l.lastOff, l.lastLine, l.lastCol = off, n, col
	return Pos{Line: n, Column: col}
}
