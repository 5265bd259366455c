package source

import (
	"bytes"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
)

// PosAttr is the attribute the file server of ServeDir adds to each start
// tag of an HTML page it serves: the tag's line and column in the source file
// ("12:5", as the HTML reader counts them). Chromium keeps it on the elements
// it builds from the source, so the rendered DOM tells which of its elements
// come from where in the file; elements that scripts create have none.
const PosAttr = "data-pagelint-pos"

// ParsePos reads the value of PosAttr; ok is false for anything else.
func ParsePos(v string) (line, col int, ok bool) {
	l, c, found := strings.Cut(v, ":")
	if !found {
		return 0, 0, false
	}
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return 0, 0, false
	}
	return line, col, true
}

// annotatePositions returns data with PosAttr added to every start tag. It
// splits the page with the HTML tokenizer, which knows where raw text
// (script, style, textarea, title) begins and ends, and copies every byte
// as it was: only the attributes are new.
func annotatePositions(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	z := nethtml.NewTokenizer(bytes.NewReader(data))
	pos := positionCounter{line: 1, col: 1}
	off := 0
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken {
			out = appendAnnotated(out, raw, tt == nethtml.SelfClosingTagToken, pos.line, pos.col)
		} else {
			out = append(out, raw...)
		}
		pos.advance(raw, off == 0)
		off += len(raw)
	}
	// What the tokenizer gives up on (a tag cut off by the end of the file)
	// stays as it was.
	return append(out, data[off:]...)
}

// appendAnnotated appends the start tag raw with PosAttr before its end:
// before "/>" of a self-closing tag (where the slash is no part of a value),
// else before ">", after a space so that an unquoted value ending in a slash
// keeps it.
func appendAnnotated(out, raw []byte, selfClosing bool, line, col int) []byte {
	end := len(raw) - 1
	if end < 0 || raw[end] != '>' {
		return append(out, raw...)
	}
	if selfClosing && end > 0 && raw[end-1] == '/' {
		end--
	}
	out = append(out, raw[:end]...)
	out = append(out, ' ')
	out = append(out, PosAttr...)
	out = append(out, `="`...)
	out = strconv.AppendInt(out, int64(line), 10)
	out = append(out, ':')
	out = strconv.AppendInt(out, int64(col), 10)
	out = append(out, '"')
	return append(out, raw[end:]...)
}

// positionCounter follows the line and column of the bytes passed by, as the
// HTML reader counts them: lines end at "\n", "\r\n" or a lone "\r", columns
// count code points, and a leading byte order mark is no column.
type positionCounter struct {
	line, col int
	cr        bool // the last byte was "\r"
}

func (p *positionCounter) advance(b []byte, start bool) {
	if start && bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		b = b[3:]
	}
	for _, c := range b {
		switch {
		case c == '\n' && p.cr:
			p.cr = false
		case c == '\n' || c == '\r':
			p.line, p.col, p.cr = p.line+1, 1, c == '\r'
		case c&0xC0 == 0x80: // a continuation byte of a code point
			p.cr = false
		default:
			p.col++
			p.cr = false
		}
	}
}
