package textpage

import (
	"strings"
	"unicode"
)

// segment is a run of inline text: plain text, or the text of one link.
type segment struct {
	text []prune
	link bool
	href string
	// at is where the link's markup starts: the position of a link with
	// no text.
	at prune
}

// inlineParser reads Markdown links ("[text](url)", "[text][id]", images as
// their alt text) and lynx references ("[12]Label") out of a run of text.
type inlineParser struct {
	refs *refTable
	out  []segment
	cur  []prune
}

func parseInline(rs []prune, refs *refTable) []segment {
	if !hasMarkup(rs) {
		return []segment{{text: rs}} // most text: nothing to parse, nothing to copy
	}
	p := &inlineParser{refs: refs}
	p.parse(rs)
	p.flush()
	return p.out
}

func hasMarkup(rs []prune) bool {
	for _, p := range rs {
		if p.r == '[' || p.r == '\\' {
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
	if href, ok := p.refs.numbered[runesString(inner)]; ok && after < len(rs) && !unicode.IsSpace(rs[after].r) {
		// lynx: the link text runs to the next reference or the end.
		end := after
		for end < len(rs) {
			if rs[end].r == '[' {
				if c := matching(rs, end, '[', ']'); c > 0 {
					if _, ok := p.refs.numbered[runesString(rs[end+1:c])]; ok {
						break
					}
				}
			}
			end++
		}
		p.emit(rs[i], rs[after:end], href)
		return end, true
	}
	return 0, false
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
