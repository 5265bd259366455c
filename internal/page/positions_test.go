package page

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func fresh(src []byte) *Lines {
	var l Lines
	l.Reset(src)
	return &l
}

// Positions asked in any order agree with positions computed afresh.
func TestLinesPosAnyOrder(t *testing.T) {
	src := []byte("\uFEFFa\r\nbé\tc\rd\n\nxyz 日本 <p>\r\n")
	offs := []int{5, 6, 0, 3, 9, 9, 12, 4, 13, 14, 20, 1, len(src) - 1, 7, 8}
	l := fresh(src)
	for _, off := range offs {
		if !utf8.RuneStart(src[off]) {
			continue // elements start at "<", never inside a character
		}
		fresh := fresh(src).Pos(off)
		if got := l.Pos(off); got != fresh {
			t.Errorf("offset %d: %v, afresh %v", off, got, fresh)
		}
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "abcdefgé", "é", "abcdefghijklmnopé€𝄞xyz", "\xff\xfeabcdefgh",
		strings.Repeat("x", 63) + "ü" + strings.Repeat("y", 9)} {
		if got, want := runeCount([]byte(s)), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}
