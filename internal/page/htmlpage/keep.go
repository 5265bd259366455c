package htmlpage

import (
	"unsafe"

	"github.com/pagelint/pagelint/internal/page"
)

// The model of a page is many small strings and structs; each its own
// allocation would cost the garbage collector more than the parse itself.
// They are cut from a few chunks instead, which belong to the page alone
// (never pooled): the page keeps them alive as long as it lives, and a
// chunk holds nothing else.

// The first chunk of each kind is sized by what the previous page of the
// same stream needed: pages of one site are alike, so little is wasted.
const keepChunk = 4 << 10

// sizes counts what a page needed, as the hint for the next one.
type sizes struct{ strs, links, entries int }

func firstChunk(hint, min int) int { return max(hint+hint/16, min) }

// keep copies b into the page's string chunks.
func (s *stream) keep(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > keepChunk/4 {
		return string(b)
	}
	s.used.strs += len(b)
	if cap(s.strs)-len(s.strs) < len(b) {
		n := keepChunk
		if s.strs == nil {
			n = firstChunk(s.hint.strs, keepChunk)
		}
		s.strs = make([]byte, 0, n)
	}
	start := len(s.strs)
	s.strs = append(s.strs, b...)
	return unsafe.String(&s.strs[start], len(b))
}

// keepString is keep for a string that may live in the stream's arena.
func (s *stream) keepString(str string) string {
	if len(str) == 0 {
		return ""
	}
	return s.keep(unsafe.Slice(unsafe.StringData(str), len(str)))
}

// concat joins parts into one kept string.
func (s *stream) concat(parts ...string) string {
	buf := s.concatBuf[:0]
	for _, p := range parts {
		buf = append(buf, p...)
	}
	s.concatBuf = buf
	return s.keep(buf)
}

func (s *stream) newLink() *page.Link {
	s.used.links++
	if len(s.linkSlab) == cap(s.linkSlab) {
		n := 16
		if s.linkSlab == nil {
			n = firstChunk(s.hint.links, n)
		}
		s.linkSlab = make([]page.Link, 0, n)
	}
	s.linkSlab = s.linkSlab[:len(s.linkSlab)+1]
	return &s.linkSlab[len(s.linkSlab)-1]
}

func (s *stream) newEntry() *page.Entry {
	s.used.entries++
	if len(s.entrySlab) == cap(s.entrySlab) {
		n := 16
		if s.entrySlab == nil {
			n = firstChunk(s.hint.entries, n)
		}
		s.entrySlab = make([]page.Entry, 0, n)
	}
	s.entrySlab = s.entrySlab[:len(s.entrySlab)+1]
	return &s.entrySlab[len(s.entrySlab)-1]
}
