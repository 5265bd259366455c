package textpage

import (
	"regexp"
	"strings"
	"unicode"
)

// segment is a run of inline text: plain text, or the text of one link or
// button.
type segment struct {
	text   []prune
	link   bool
	button bool // a lynx button: "(BUTTON) Search"
	href   string
	// at is where the link's markup starts: the position of a link with
	// no text.
	at prune
}

// inlineParser reads Markdown links ("[text](url)", "[text][id]", images as
// their alt text), lynx and w3m references ("[12]Label"), and lynx's links
// written with their URL ("[https://example.com/]Label") and buttons
// ("(BUTTON) Search") out of a run of text.
type inlineParser struct {
	refs *refTable
	out  []segment
	cur  []prune
}

func parseInline(rs []prune, refs *refTable) []segment {
	if !hasMarkup(rs, refs.dumper == dumpLynx) {
		return []segment{{text: rs}} // most text: nothing to parse, nothing to copy
	}
	p := &inlineParser{refs: refs}
	p.parse(rs)
	p.flush()
	return p.out
}

func hasMarkup(rs []prune, lynx bool) bool {
	for _, p := range rs {
		if p.r == '[' || p.r == '\\' || (lynx && p.r == '(') {
			return true
		}
	}
	return false
}

func (p *inlineParser) flush() {
	if len(p.cur) > 0 {
		p.out = append(p.out, segment{text: p.cur})
		p.cur = nil
	}
}

func (p *inlineParser) parse(rs []prune) {
	for i := 0; i < len(rs); {
		r := rs[i].r
		switch {
		case r == '\\' && i+1 < len(rs) && isASCIIPunct(rs[i+1].r):
			p.cur = append(p.cur, rs[i+1])
			i += 2
			continue
		case r == '!' && i+1 < len(rs) && rs[i+1].r == '[':
			if alt, end, ok := image(rs, i+1); ok {
				p.cur = append(p.cur, alt...)
				i = end
				continue
			}
		case r == '[':
			if end, ok := p.link(rs, i); ok {
				i = end
				continue
			}
		case r == '(' && p.refs.dumper == dumpLynx && isButtonAt(rs, i):
			i = p.button(rs, i)
			continue
		}
		p.cur = append(p.cur, rs[i])
		i++
	}
}

// link reads a link starting at rs[i] == '[' and returns the index after it.
func (p *inlineParser) link(rs []prune, i int) (int, bool) {
	close := matching(rs, i, '[', ']')
	if close < 0 {
		return 0, false
	}
	inner := rs[i+1 : close]
	after := close + 1
	if after < len(rs) && rs[after].r == '(' {
		if end := matching(rs, after, '(', ')'); end >= 0 {
			p.emit(rs[i], displayText(inner), destination(rs[after+1:end]))
			return end + 1, true
		}
	}
	if after < len(rs) && rs[after].r == '[' {
		if end := matching(rs, after, '[', ']'); end >= 0 {
			id := runesString(rs[after+1 : end])
			if strings.TrimSpace(id) == "" {
				id = runesString(inner)
			}
			if href, ok := p.refs.named[strings.ToLower(strings.Join(strings.Fields(id), " "))]; ok {
				p.emit(rs[i], displayText(inner), href)
				return end + 1, true
			}
		}
	}
	// lynx and w3m: the link text runs to the next link or the end; a
	// link without text ends its item ("[31] ").
	if href, ok := p.refLink(inner); ok && ((after == len(rs) && p.refs.dumper.dump()) || (after < len(rs) && !unicode.IsSpace(rs[after].r))) {
		end := p.markupAt(rs, after)
		p.emit(rs[i], trimSeparator(rs[after:end], end < len(rs)), href)
		return end, true
	}
	return 0, false
}

// refLink is the target of a reference written in brackets: a number of
// the reference list, or (lynx -list_inline) the URL itself.
func (p *inlineParser) refLink(inner []prune) (string, bool) {
	s := runesString(inner)
	if href, ok := p.refs.numbered[s]; ok {
		return href, true
	}
	if p.refs.dumper == dumpLynx && inlineURL.MatchString(s) {
		return s, true
	}
	return "", false
}

// markupAt is the index of the next reference or button from rs[i] on, or
// of a separator standing alone ("Terms | Cookie settings"), len(rs) when
// there is none: where the text of a lynx or w3m link ends.
func (p *inlineParser) markupAt(rs []prune, i int) int {
	for ; i < len(rs); i++ {
		if isRowSeparator(rs, i) {
			return i
		}
		switch rs[i].r {
		case '[':
			if c := matching(rs, i, '[', ']'); c > 0 {
				if _, ok := p.refLink(rs[i+1 : c]); ok {
					return i
				}
			}
		case '(':
			if p.refs.dumper == dumpLynx && isButtonAt(rs, i) {
				return i
			}
		}
	}
	return len(rs)
}

// button reads a lynx button at rs[i]: its label runs to the next link or
// button, or to the end of its line (a field or text may follow on the
// next one).
func (p *inlineParser) button(rs []prune, i int) int {
	start := i + len([]rune(lynxButton))
	for start < len(rs) && unicode.IsSpace(rs[start].r) {
		start++ // the label may start on the next line
	}
	end := p.markupAt(rs, start)
	for j := start; j < end; j++ {
		if rs[j].line != rs[start].line {
			end = j
			break
		}
	}
	p.flush()
	p.out = append(p.out, segment{text: trimSpace(rs[start:end]), button: true, at: rs[i]})
	return end
}

// isButtonAt: lynx's "(BUTTON)" stands at rs[i] as a word of its own (a
// button without a label is the mark alone).
func isButtonAt(rs []prune, i int) bool {
	marker := []rune(lynxButton)
	end := i + len(marker)
	if end > len(rs) || (i > 0 && !unicode.IsSpace(rs[i-1].r)) || (end < len(rs) && !unicode.IsSpace(rs[end].r)) {
		return false
	}
	for k, r := range marker {
		if rs[i+k].r != r {
			return false
		}
	}
	return true
}

// inlineURL is a URL as lynx -list_inline writes it in brackets: absolute,
// without spaces.
var inlineURL = regexp.MustCompile(`^(?i:[a-z][a-z0-9+.-]*:\S+)$`)

// separators stand between the links of a row ("Privacy | Terms"): not
// part of the names around them.
const separators = "|·•/,;–—-"

// isRowSeparator: rs[i] is a bar or a dot standing alone between spaces,
// as between the links of a row; no link text holds one.
func isRowSeparator(rs []prune, i int) bool {
	return strings.ContainsRune("|·•", rs[i].r) && i > 0 && unicode.IsSpace(rs[i-1].r) &&
		(i+1 == len(rs) || unicode.IsSpace(rs[i+1].r))
}

// trimSeparator drops the separator (and the spaces) at the end of a link
// text that another link follows.
func trimSeparator(text []prune, followed bool) []prune {
	text = trimSpace(text)
	if !followed {
		return text
	}
	for len(text) > 0 && strings.ContainsRune(separators, text[len(text)-1].r) {
		text = trimSpace(text[:len(text)-1])
	}
	return text
}

func (p *inlineParser) emit(at prune, text []prune, href string) {
	p.flush()
	p.out = append(p.out, segment{text: text, link: true, href: href, at: at})
}

// image reads "[alt](src)" after a "!" and returns the alt text.
func image(rs []prune, i int) ([]prune, int, bool) {
	close := matching(rs, i, '[', ']')
	if close < 0 || close+1 >= len(rs) || rs[close+1].r != '(' {
		return nil, 0, false
	}
	end := matching(rs, close+1, '(', ')')
	if end < 0 {
		return nil, 0, false
	}
	return rs[i+1 : close], end + 1, true
}

// displayText is what a link's text shows: images as their alt text.
func displayText(rs []prune) []prune {
	var out []prune
	for _, s := range parseInline(rs, &refTable{}) {
		out = append(out, s.text...)
	}
	return out
}

// destination is the URL of "(url "title")".
func destination(rs []prune) string {
	s := strings.TrimSpace(runesString(rs))
	if strings.HasPrefix(s, "<") {
		if end := strings.IndexByte(s, '>'); end > 0 {
			return s[1:end]
		}
	}
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// maxLinkSpan bounds how far a closing bracket is looked for: a link text
// or URL is never this long, and a line of unmatched brackets must not cost
// the square of its length.
const maxLinkSpan = 2000

// matching returns the index of the bracket closing rs[i], or -1.
func matching(rs []prune, i int, open, close rune) int {
	depth := 0
	end := min(len(rs), i+maxLinkSpan)
	for j := i; j < end; j++ {
		switch rs[j].r {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func isASCIIPunct(r rune) bool {
	return r < 0x80 && unicode.IsPunct(r) || r == '`' || r == '^' || r == '|' || r == '~' || r == '<' || r == '>' || r == '=' || r == '+' || r == '$'
}

// hasControls reports whether any segment is a link or a button.
func hasControls(segs []segment) bool {
	for _, s := range segs {
		if s.link || s.button {
			return true
		}
	}
	return false
}

// hasLinks reports whether any segment is a link.
func hasLinks(segs []segment) bool {
	for _, s := range segs {
		if s.link {
			return true
		}
	}
	return false
}

// flatten is the text of all segments, as one run.
func flatten(segs []segment) []prune {
	var out []prune
	for _, s := range segs {
		out = append(out, s.text...)
	}
	return out
}
