package textpage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/page"
)

// FuzzParse: no input panics, and a parsed page is well formed: every
// position lies inside the text.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.*")
	seeds = append(seeds, seedPath)
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"", "*", "- [", "- [a](", "- [![x](", "  *   *   * ", "- ## \n  - a", "[1]x\nReferences\n1. u",
		"<!-- pagelint-disable", "a\n===", "- a a\n  - # b b", "\t\t* x\n *y", "• ◦ ▪", "1.\n2)", "- \\", "- [a][]\n[a]: <>",
		"     * (BUTTON) a\n\nH\n          + [1]b\n\nReferences\n\n   1. u\n", "  • a\n\n    H\n\n      □ b\n  • c | d\n",
		"     * [https://x/]\n     * [u:v]w (BUTTON)\n   (BUTTON)", "                                    T\n     * a\n   [1]x | [2]y\n\n   © z"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, Options{Source: "fuzz.txt", URL: "/a/b.html"})
		if err != nil {
			if p != nil {
				t.Fatalf("page and error %v", err)
			}
			if utf8.Valid(data) && !errors.Is(err, ErrNoLists) && !hasControlByte(data) {
				t.Fatalf("unexpected error on valid text: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		check := func(what string, pos page.Pos) {
			if pos.Line < 1 || pos.Line > lines || pos.Column < 1 {
				t.Fatalf("%s at %d:%d is outside the text", what, pos.Line, pos.Column)
			}
		}
		for _, e := range p.Controls {
			check("entry "+e.Label, e.Pos)
		}
		for _, l := range p.Links {
			check("link "+l.Label, l.Pos)
		}
		if p.Footer != nil {
			for _, c := range p.Footer.Copyright {
				check("copyright", c.Pos)
			}
		}
	})
}

func hasControlByte(data []byte) bool {
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' {
			return true
		}
	}
	return false
}
