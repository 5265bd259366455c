package htmlpage

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
)

// lines maps byte offsets to 1-based line and column, the column counted in
// code points. A line ends at "\n", "\r\n" or a lone "\r", as HTML reads it.
type lines struct {
	data   []byte
	starts []int // byte offset where each line starts
}

func newLines(data []byte, buf []int) *lines {
	l := &lines{data: data, starts: append(buf[:0], 0)}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		l.starts[0] = 3 // a byte order mark is no column
	}
	if bytes.IndexByte(data, '\r') < 0 {
		for i := 0; ; {
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				return l
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
	return l
}

// line returns the 1-based line of byte offset off.
func (l *lines) line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// pos returns the position of byte offset off; the zero Pos when off is
// unknown (negative) or the lines are nil (a rendered DOM has none).
func (l *lines) pos(off int) page.Pos {
	if l == nil || off < 0 || off > len(l.data) {
		return page.Pos{}
	}
	n := l.line(off)
	start := l.starts[n-1]
	if off < start {
		start = off
	}
	return page.Pos{Line: n, Column: 1 + utf8.RuneCount(l.data[start:off])}
}
