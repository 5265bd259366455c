package htmlpage

import (
	"bytes"
	"strings"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tokenizer's TagName and TagAttr copy every name, key and value they
// return. For the common tag — no character reference — lexedTag reads
// the same name and attributes where the lexer found them in the page (see
// FuzzLexer). Other tags take the tokenizer's way, which also decodes
// references the way attributes need.

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// readRawEndTag reads the name of an end tag token the way readRawTag
// reads a start tag's.
func (s *stream) readRawEndTag(raw []byte) (string, atom.Atom, bool) {
	if len(raw) < 3 || bytes.IndexByte(raw, '\r') >= 0 {
		return "", 0, false
	}
	i := 3 // "</" and the first letter
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	name, a := s.lowerName(raw[2:i])
	return name, a, true
}

// lexedTag is the start tag the lexer has just read, from where its name
// and attributes stand in the page: the values point into the page,
// uncopied, and are cloned before they reach the model, as arena strings
// are.
func (s *stream) lexedTag() (string, atom.Atom, []html.Attribute, bool) {
	l := s.z
	name, a := s.lowerName(s.data[l.name.from:l.name.to])
	// Field by field, and the slice written only when it grows: fewer
	// write barriers than appending whole attributes.
	if cap(s.attrs) < l.nattrs {
		s.attrs = make([]html.Attribute, l.nattrs, 2*l.nattrs)
	}
	attrs := s.attrs[:l.nattrs]
	for i, at := range l.attrs[:l.nattrs] {
		val := ""
		switch v := s.data[at.val.from:at.val.to]; {
		case len(v) == 0:
		case bytes.IndexByte(v, '&') >= 0:
			dec, ok := attrUnescape(convertNewlines(v))
			if !ok {
				return "", 0, nil, false
			}
			val = s.str(dec)
		case s.hasCR && bytes.IndexByte(v, '\r') >= 0:
			val = s.str(convertNewlines(v)) // as TagAttr gives it
		default:
			val = unsafe.String(&v[0], len(v))
		}
		p := &attrs[i]
		if p.Namespace != "" {
			p.Namespace = ""
		}
		p.Key, p.Val = s.lowerKey(s.data[at.key.from:at.key.to]), val
	}
	return name, a, attrs, true
}

// attrUnescape decodes the character references of an attribute value as
// html.Tokenizer does, where that is plain: a named reference closed by
// ";", and the "&" of "&name=" or of no name at all, which stays. ok is
// false for the others (numeric, unclosed), left to the tokenizer.
func attrUnescape(v []byte) ([]byte, bool) {
	var out []byte
	last := 0
	for i := 0; i < len(v); i++ {
		if v[i] != '&' {
			continue
		}
		k := i + 1
		for k < len(v) && isAlnum(v[k]) {
			k++
		}
		switch {
		case k == i+1 && (k == len(v) || v[k] != '#'):
			continue // no name: a plain "&"
		case k > i+1 && k < len(v) && v[k] == '=':
			continue // "&name=" stays in an attribute
		case k > i+1 && k < len(v) && v[k] == ';':
			ref := string(v[i : k+1])
			dec := html.UnescapeString(ref)
			if strings.HasSuffix(dec, ";") {
				return nil, false // no such reference, or only a prefix of it is one
			}
			out = append(append(out, v[last:i]...), dec...)
			last, i = k+1, k
		default:
			return nil, false
		}
	}
	return append(out, v[last:]...), true
}

func isAlnum(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' }

func skipTagSpace(raw []byte, i, n int) int {
	for i < n && isTagSpace(raw[i]) {
		i++
	}
	return i
}

// lowerName returns a tag name in lower case, as an atom when it is one.
func (s *stream) lowerName(b []byte) (string, atom.Atom) {
	if a := atom.Lookup(b); a != 0 {
		return a.String(), a
	}
	l := s.lower(b)
	if a := atom.Lookup(l); a != 0 {
		return a.String(), a
	}
	return s.str(l), 0
}

func (s *stream) lowerKey(b []byte) string {
	name, _ := s.lowerName(b)
	return name
}

// lower returns b in ASCII lower case, in a scratch buffer when it changes.
func (s *stream) lower(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			s.lowerBuf = append(s.lowerBuf[:0], b...)
			buf := s.lowerBuf
			for j := i; j < len(buf); j++ {
				if 'A' <= buf[j] && buf[j] <= 'Z' {
					buf[j] += 'a' - 'A'
				}
			}
			return buf
		}
	}
	return b
}
