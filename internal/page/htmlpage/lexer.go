package htmlpage

import (
	"bytes"

	"golang.org/x/net/html"
)

// lexer splits a page into the very tokens of html.Tokenizer, with the same
// raw bytes, at a fraction of the cost: it reads the page in place, without
// copying it into a buffer, and decodes nothing it is not asked for. It
// finds where each token ends and what type it is, following the
// tokenizer's own rules for text, tags and comments; everything else — a
// doctype, a bogus comment, a script with "<!--", any construct the end of
// the page cuts off — and every question about a token's content (Text,
// TagName, TagAttr) goes to an html.Tokenizer started afresh at the token
// (see std). FuzzLexer holds the two to the same tokens.
type lexer struct {
	data   []byte
	start  int // where the current token starts
	pos    int // where it ends, and the next starts
	tt     html.TokenType
	rawTag string // the raw text element whose content comes next
	rawAt  int    // where its start tag starts

	tokRawTag string          // rawTag when the current token started
	tokRawAt  int             // and rawAt
	z         *html.Tokenizer // the tokenizer that read the current token, if any

	// The tag read last: its name and the attributes the tokenizer keeps
	// (the first of each key), as they stand in the page.
	name   span
	attrs  []attrSpan // the first nattrs
	nattrs int

	commentText span // the content of the comment read last
}

// attrSpan is where an attribute's key and value stand in the page.
type attrSpan struct{ key, val span }

func newLexer(data []byte) *lexer { return &lexer{data: data} }

func (l *lexer) Raw() []byte { return l.data[l.start:l.pos] }

// NextIsNotRawText is html.Tokenizer's: the content of the start tag just
// read is markup after all (foreign content).
func (l *lexer) NextIsNotRawText() { l.rawTag = "" }

// Text is html.Tokenizer's Text: a text token's or comment's content,
// newlines normalized and character references decoded but in raw text.
func (l *lexer) Text() []byte {
	if l.z != nil {
		return l.z.Text()
	}
	var text []byte
	decode := true
	switch l.tt {
	case html.TextToken:
		text = l.Raw()
		decode = l.tokRawTag == "" || l.tokRawTag == "title" || l.tokRawTag == "textarea"
	case html.CommentToken:
		text = l.data[l.commentText.from:l.commentText.to]
	default:
		return l.std().Text()
	}
	text = convertNewlines(text)
	if decode && bytes.IndexByte(text, '&') >= 0 {
		text = []byte(html.UnescapeString(string(text)))
	}
	return text
}

// convertNewlines is a copy of b with "\r\n" and "\r" made "\n", as
// html.Tokenizer gives text; b itself when it has no "\r".
func convertNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

func (l *lexer) TagName() ([]byte, bool) { return l.std().TagName() }

func (l *lexer) TagAttr() ([]byte, []byte, bool) { return l.std().TagAttr() }

// std is an html.Tokenizer that has read the current token: the same token,
// as the tokenizer reads only its bytes and starts in the same state — at
// the token in the data state, or for raw text at the start tag before it
// (a tokenizer made for the fragment of a script reads its escapes
// otherwise).
func (l *lexer) std() *html.Tokenizer {
	if l.z == nil {
		l.z, _ = l.tokenizerAt(l.pos)
	}
	return l.z
}

// tokenizerAt returns an html.Tokenizer of the page up to end that has read
// the current token.
func (l *lexer) tokenizerAt(end int) (*html.Tokenizer, html.TokenType) {
	if l.tokRawTag == "" {
		z := html.NewTokenizer(bytes.NewReader(l.data[l.start:end]))
		return z, z.Next()
	}
	z := html.NewTokenizer(bytes.NewReader(l.data[l.tokRawAt:end]))
	z.Next() // the start tag
	return z, z.Next()
}

// delegate has html.Tokenizer read the token at l.start, to the end of the
// page if need be.
func (l *lexer) delegate() html.TokenType {
	l.z, l.tt = l.tokenizerAt(len(l.data))
	l.pos = l.start + len(l.z.Raw())
	if l.tt == html.StartTagToken || l.tt == html.SelfClosingTagToken {
		if t := rawTextTag(l.Raw()[1:tagNameEnd(l.Raw())]); t != "" {
			l.rawTag, l.rawAt = t, l.start
		}
	}
	return l.tt
}

func (l *lexer) Next() html.TokenType {
	// Pointers are written only when they change: the lexer lives on the
	// heap, where each write costs a barrier while the collector marks.
	if l.z != nil {
		l.z = nil
	}
	l.start = l.pos
	if l.tokRawTag != l.rawTag {
		l.tokRawTag = l.rawTag
	}
	l.tokRawAt = l.rawAt
	if l.rawTag != "" {
		l.rawTag = ""
		end, ok := l.rawTextEnd(l.tokRawTag)
		if !ok {
			return l.delegate()
		}
		if end > l.start {
			l.pos, l.tt = end, html.TextToken
			return l.tt
		}
		l.tokRawTag = "" // empty: on to the end tag, in the data state
	}
	return l.dataToken()
}

// dataToken reads a token in the data state.
func (l *lexer) dataToken() html.TokenType {
	d := l.data
	for i := l.start; ; {
		j := nextLT(d, i)
		if j < 0 || i+j+1 >= len(d) {
			// text up to the end; a "<" as the last byte is text too
			if l.start == len(d) {
				l.tt = html.ErrorToken
				return l.tt
			}
			l.pos, l.tt = len(d), html.TextToken
			return l.tt
		}
		k := i + j
		c := d[k+1]
		if !isLetter(c) && c != '/' && c != '!' && c != '?' {
			i = k + 1 // "<" then anything else is text
			continue
		}
		if k > l.start {
			l.pos, l.tt = k, html.TextToken
			return l.tt
		}
		switch {
		case isLetter(c):
			return l.tag(html.StartTagToken)
		case c == '/' && k+2 < len(d) && isLetter(d[k+2]):
			return l.tag(html.EndTagToken)
		case c == '!' && bytes.HasPrefix(d[k:], []byte("<!--")):
			return l.comment()
		case c == '!' && k+9 <= len(d) && equalFoldASCII(d[k+2:k+9], "doctype"):
			// as the tokenizer's readDoctype: up to the first ">"
			if end := bytes.IndexByte(d[k+9:], '>'); end >= 0 {
				l.pos, l.tt = k+9+end+1, html.DoctypeToken
				return l.tt
			}
		}
		return l.delegate()
	}
}

// nextLT is bytes.IndexByte(d[i:], '<'), looking at the first bytes
// itself: most tokens start with "<" or are short runs of white space.
func nextLT(d []byte, i int) int {
	for j := i; j < len(d) && j < i+8; j++ {
		if d[j] == '<' {
			return j - i
		}
	}
	if i+8 >= len(d) {
		return -1
	}
	if j := bytes.IndexByte(d[i+8:], '<'); j >= 0 {
		return j + 8
	}
	return -1
}

// equalFoldASCII reports whether b is lower, ASCII letters in any case.
func equalFoldASCII(b []byte, lower string) bool {
	for i := range len(lower) {
		if b[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// tag reads a start or end tag at l.start the way html.Tokenizer's readTag
// does, to find where it ends and whether it closes itself.
func (l *lexer) tag(tt html.TokenType) html.TokenType {
	d, n := l.data, len(l.data)
	i := l.start + 2 // "<" and the first letter of the name
	if tt == html.EndTagToken {
		i++ // "</"
	}
	nameStart := i - 1
	for i < n && !isTagSpace(d[i]) && d[i] != '/' && d[i] != '>' {
		i++
	}
	if i == n {
		return l.delegate()
	}
	nameEnd := i
	if isTagSpace(d[i]) {
		i++
	}
	l.nattrs = 0
	if i = skipTagSpace(d, i, n); i == n {
		return l.delegate()
	}
	for d[i] != '>' {
		// the key; a leading "=" belongs to it
		ks := i
		for i < n {
			c := d[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if isTagSpace(c) || c == '/' || c == '>' || c == '=' {
				break
			}
			i++
		}
		ke := i
		// the value
		vs, ve := i, i
		if i = skipTagSpace(d, i, n); i == n {
			return l.delegate()
		}
		switch d[i] {
		case '/':
			i++
		case '=':
			if i = skipTagSpace(d, i+1, n); i == n {
				return l.delegate()
			}
			switch q := d[i]; q {
			case '>':
			case '"', '\'':
				k := bytes.IndexByte(d[i+1:], q)
				if k < 0 {
					return l.delegate()
				}
				vs, ve, i = i+1, i+1+k, i+2+k
			default:
				vs = i
				for i++; i < n && !isTagSpace(d[i]) && d[i] != '>'; i++ {
				}
				if i == n {
					return l.delegate()
				}
				ve = i
				if d[i] != '>' {
					i++
				}
			}
		}
		if ke > ks && !hasKeyFold(d, l.attrs[:l.nattrs], ks, ke) {
			a := attrSpan{span{ks, ke}, span{vs, ve}}
			if l.nattrs < len(l.attrs) {
				l.attrs[l.nattrs] = a
			} else {
				l.attrs = append(l.attrs, a)
			}
			l.nattrs++
		}
		if i = skipTagSpace(d, i, n); i == n {
			return l.delegate()
		}
	}
	l.name = span{nameStart, nameEnd}
	l.pos = i + 1
	l.tt = tt
	if tt == html.StartTagToken {
		if t := rawTextTag(d[nameStart:nameEnd]); t != "" {
			l.rawTag, l.rawAt = t, l.start
		}
		if d[i-1] == '/' && (l.nattrs == 0 || i-1 != l.attrs[l.nattrs-1].val.to-1) {
			l.tt = html.SelfClosingTagToken
		}
	}
	return l.tt
}

// hasKeyFold: the key d[ks:ke] is among keys, in ASCII lower case as the
// tokenizer compares them.
func hasKeyFold(d []byte, attrs []attrSpan, ks, ke int) bool {
	for _, a := range attrs {
		if k := a.key; k.to-k.from == ke-ks && asciiEqualFold(d[k.from:k.to], d[ks:ke]) {
			return true
		}
	}
	return false
}

func asciiEqualFold(a, b []byte) bool {
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// rawTextTags hold text, not markup, up to their end tag.
var rawTextTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script",
	"style", "textarea", "title", "xmp"}

// rawTextTag is the raw text element a start tag named name opens, or "".
func rawTextTag(name []byte) string {
	for _, t := range rawTextTags {
		if len(t) == len(name) && asciiEqualFold([]byte(t), name) {
			return t
		}
	}
	return ""
}

// tagNameEnd is where the name of the tag raw ends.
func tagNameEnd(raw []byte) int {
	i := 2
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	return min(i, len(raw))
}

// rawTextEnd finds the end of the raw text of element tag from l.start: at
// its end tag, or at the end of the page. ok is false for a script holding
// "<!--", whose escapes the tokenizer knows best.
func (l *lexer) rawTextEnd(tag string) (end int, ok bool) {
	d := l.data
	if tag == "plaintext" {
		return len(d), true
	}
	end = len(d) // no end tag, or one cut off: text to the end
	for i := l.start; ; {
		j := bytes.Index(d[i:], []byte("</"))
		k := i + j + 2 // the name
		if j < 0 || k+len(tag) >= len(d) {
			break
		}
		if asciiEqualFold(d[k:k+len(tag)], []byte(tag)) && isEndTagDelim(d[k+len(tag)]) {
			end = i + j
			break
		}
		i = k
	}
	if tag == "script" && bytes.Contains(d[l.start:end], []byte("<!--")) {
		return 0, false
	}
	return end, true
}

func isEndTagDelim(c byte) bool { return isTagSpace(c) || c == '/' || c == '>' }

// comment reads a comment at l.start the way html.Tokenizer's readComment
// does, to find where it ends.
func (l *lexer) comment() html.TokenType {
	d := l.data
	dashes, beginning := 0, true
	for i := l.start + 4; i < len(d); i++ {
		switch d[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return l.commentEnd(i+1, 3)
			}
		case '!':
			if dashes >= 2 {
				if i+1 == len(d) {
					return l.delegate()
				}
				i++
				switch d[i] {
				case '>':
					return l.commentEnd(i+1, 4)
				case '-':
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return l.delegate()
}

// commentEnd ends the comment at end, its content before the closing "-->"
// (or "--!>") of width w; a comment closed at once (<!-->) has none.
func (l *lexer) commentEnd(end, w int) html.TokenType {
	from := l.start + 4
	l.commentText = span{from, max(from, end-w)}
	l.pos, l.tt = end, html.CommentToken
	return l.tt
}
