package page

import (
	"bytes"
	"strings"
)

// ContainsFold reports whether s holds word, which is lower-case ASCII, in
// any case of its letters. It makes no lower-case copy of s: it scans s for
// each case of word's first byte (a fast scan for a whole page) and compares
// the rest in place.
func ContainsFold[T string | []byte](s T, word string) bool {
	firsts := [2]byte{word[0], word[0]}
	if c := word[0]; 'a' <= c && c <= 'z' {
		firsts[1] = c - 'a' + 'A'
	}
	for k, first := range firsts {
		if k == 1 && first == firsts[0] {
			break
		}
		for i := 0; i+len(word) <= len(s); i++ {
			j := indexByte(s[i:len(s)-len(word)+1], first)
			if j < 0 {
				break
			}
			i += j
			if EqualFoldASCII(s[i+1:i+len(word)], word[1:]) {
				return true
			}
		}
	}
	return false
}

func indexByte[T string | []byte](s T, c byte) int {
	switch s := any(s).(type) {
	case string:
		return strings.IndexByte(s, c)
	case []byte:
		return bytes.IndexByte(s, c)
	}
	return -1
}

// EqualFoldASCII reports whether s is word, whose letters are lower-case
// ASCII, in any case of its letters.
func EqualFoldASCII[T string | []byte](s T, word string) bool {
	if len(s) != len(word) {
		return false
	}
	for i := range len(word) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[i] {
			return false
		}
	}
	return true
}

// HasPrefixFold reports whether b begins with prefix, whose letters are
// lower-case ASCII, in any case of its letters.
func HasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && EqualFoldASCII(b[:len(prefix)], prefix)
}
