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
// FuzzLexer), and readRawTag (no carriage return either) from the raw bytes of a
// token, following the tokenizer's own scanning rules (see FuzzRawTag).
// Other tags take the tokenizer's way, which also decodes references the
// way attributes need.

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// readRawTag parses raw, a start tag token; ok is false when it holds "&"
// or "\r", which need the tokenizer's decoding. The values are copied into
// the stream's arena.
func (s *stream) readRawTag(raw []byte) (name string, a atom.Atom, attrs []html.Attribute, ok bool) {
	return s.scanTag(raw, false)
}

// scanTag is readRawTag; inData says raw is a slice of the page itself,
// which outlives the parse, so that values can point into it uncopied.
// Like arena strings, they are cloned before they reach the model.
func (s *stream) scanTag(raw []byte, inData bool) (name string, a atom.Atom, attrs []html.Attribute, ok bool) {
	if len(raw) < 2 || bytes.IndexByte(raw, '&') >= 0 || ((s.hasCR || !inData) && bytes.IndexByte(raw, '\r') >= 0) {
		return "", 0, nil, false
	}
	n := len(raw)
	if raw[n-1] == '>' {
		n-- // the tokenizer consumed it; the scan below stops before it
	}
	i := 2 // the first letter of the name is always part of it
	for i < n && !isTagSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	name, a = s.lowerName(raw[1:i])
	attrs = s.attrs[:0]
	i = skipTagSpace(raw, i, n)
	for i < n && raw[i] != '>' {
		// the attribute name; a leading "=" belongs to it
		ks := i
		for i < n {
			c := raw[i]
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
		j := skipTagSpace(raw, i, n)
		switch {
		case j < n && raw[j] == '/':
			i = j + 1
		case j < n && raw[j] == '=':
			j = skipTagSpace(raw, j+1, n)
			switch {
			case j >= n:
				i = j
			case raw[j] == '>':
				i = j
			case raw[j] == '"' || raw[j] == '\'':
				q := raw[j]
				vs = j + 1
				k := bytes.IndexByte(raw[vs:n], q)
				if k < 0 {
					ve, i = n, n
				} else {
					ve, i = vs+k, vs+k+1
				}
			default:
				vs = j
				k := j
				for k < n && !isTagSpace(raw[k]) && raw[k] != '>' {
					k++
				}
				ve = k
				i = k
				if k < n && isTagSpace(raw[k]) {
					i = k + 1
				}
			}
		default:
			i = j
		}
		if ke > ks {
			key := s.lowerKey(raw[ks:ke])
			if !hasKey(attrs, key) {
				var val string
				switch {
				case ve == vs:
				case inData:
					val = unsafe.String(&raw[vs], ve-vs)
				default:
					val = s.str(raw[vs:ve])
				}
				attrs = append(attrs, html.Attribute{Key: key, Val: val})
			}
		}
		i = skipTagSpace(raw, i, n)
	}
	s.attrs = attrs
	return name, a, attrs, true
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

func hasKey(attrs []html.Attribute, key string) bool {
	for _, a := range attrs {
		if a.Key == key {
			return true
		}
	}
	return false
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
