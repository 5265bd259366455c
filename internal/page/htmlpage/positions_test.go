package htmlpage

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
)

func TestPositionsExact(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []page.Pos // of the links, in order
	}{
		{"LF", "<body>\n<p><a href=a>a</a>\n  <a href=b>b</a>", []page.Pos{{Line: 2, Column: 4}, {Line: 3, Column: 3}}},
		{"CRLF", "<body>\r\n<p><a href=a>a</a>\r\n  <a href=b>b</a>", []page.Pos{{Line: 2, Column: 4}, {Line: 3, Column: 3}}},
		{"lone CR", "<body>\r<p><a href=a>a</a>\r  <a href=b>b</a>", []page.Pos{{Line: 2, Column: 4}, {Line: 3, Column: 3}}},
		{"tabs count one", "<body>\n\t\t<a href=a>a</a>", []page.Pos{{Line: 2, Column: 3}}},
		{"multi-byte before", "<body><p>Größe – 日本語 😀 <a href=a>a</a>", []page.Pos{{Line: 1, Column: 24}}},
		{"byte order mark", "\uFEFF<a href=a>a</a>", []page.Pos{{Line: 1, Column: 1}}},
		{"in a region", "<body>\n<footer>\n ©\t<a href=a>a</a></footer>", []page.Pos{{Line: 3, Column: 4}}},
		{"multi-line start tag", "<body><a\n  href=a>a</a> <img\nsrc=x>", []page.Pos{{Line: 1, Column: 7}, {Line: 2, Column: 16}}},
		{"after comment and script", "<body><!-- <a href=no> -->\n<script>var s='<a href=no>'</script><a href=a>a</a>", []page.Pos{{Line: 2, Column: 37}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, tt.src, Options{})
			var got []page.Pos
			for _, l := range p.Links {
				got = append(got, l.Pos)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("links at %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("link %d at %v, want %v", i, got[i], tt.want[i])
				}
			}
			checkPositions(t, tt.src, p)
		})
	}
}

// Misnested markup: the parser clones and moves elements; the model must
// follow the browser's tree and keep every position on the original tag.
func TestMisnestedMarkup(t *testing.T) {
	tests := []struct {
		name     string
		html     string
		controls string // outline of p.Controls
		footer   string // outline of footer items
	}{
		{"a b misnested", `<footer><a href="/x"><b>x</a>y</b><a href="/p">P</a></footer>`, "x, P", "x, P"},
		{"b p misnested", `<footer><b><p>x</b></p><a href="/c">C</a></footer>`, "C", "C"},
		{"p ul", `<footer><p><ul><li><a href="/p">Privacy</a></ul></footer>`, "Privacy", "Privacy"},
		{"foster parenting", `<footer><table>stray <a href="/s">S</a><tr><td><a href="/t">T</a></td></tr></table></footer>`, "S, T", "S, T"},
		{"unclosed lis", `<footer><ul><li><a href="/a">A</a><li><a href="/b">B</a><li>text</ul></footer>`, "A, B", "A, B"},
		{"link across block", `<footer><a href="/a">A<div>B</div></a></footer>`, "A B", "A B"},
		{"formatting across link", `<footer><b><a href="/a">A</b>fter</a></footer>`, "A, fter", "A, fter"},
		{"body misnesting", `<main><a href="/x"><b>x</a>y</b> <p><ul><li><a href="/l">L</a></ul> <b><p>q</b></p><a href="/c">C</a></main>`, "x, L, C", ""},
		{"body table", `<main><table><tr><td><a href="/t">T</a></td></tr></table><table><td><a href="/u">U</a></table></main>`, "T, U", ""},
		{"unclosed footer", `<footer><a href="/a">A</a><div><a href="/b">B</a>`, "A, B", "A, B"},
		{"footer end inside formatting", `<footer><i><a href="/a">A</a></footer><a href="/b">B</a></i>`, "A, B", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<!DOCTYPE html>\n<html>\n<body>\n" + tt.html + "\n</body></html>"
			p := mustParse(t, src, Options{})
			if got := outline(p.Controls); got != tt.controls {
				t.Errorf("controls %q, want %q", got, tt.controls)
			}
			footer := ""
			if p.Footer != nil {
				footer = outline(p.Footer.Items)
			}
			if footer != tt.footer {
				t.Errorf("footer %q, want %q", footer, tt.footer)
			}
			checkPositions(t, src, p)
			checkSelectors(t, src, p)
		})
	}
}

// The tokens' raw bytes add up to the input, so offsets are exact.
func TestTokenOffsetsCoverInput(t *testing.T) {
	for _, src := range []string{
		genPage(3),
		"<p>a<!-- c --><script>x<y</script><textarea><a></textarea><svg><title>t</title></svg>",
		"<a href='x\r\ny'>\r\n</a",
		"<!DOCTYPE html><plaintext><a>",
	} {
		z := html.NewTokenizer(strings.NewReader(src))
		n := 0
		for z.Next() != html.ErrorToken {
			n += len(z.Raw())
		}
		n += len(z.Raw())
		if n != len(src) {
			t.Errorf("raw bytes add up to %d of %d", n, len(src))
		}
	}
}

func TestDOMFormatHasNoPositions(t *testing.T) {
	src := genPage(1)
	p := mustParse(t, src, Options{Format: page.FormatDOM})
	if p.Format != page.FormatDOM {
		t.Errorf("format %q", p.Format)
	}
	for _, l := range everything(p) {
		if l.pos != (page.Pos{}) {
			t.Errorf("%v has a position", l)
		}
	}
	if len(p.Suppressions) != 0 {
		t.Errorf("suppressions %v", p.Suppressions)
	}
	checkSelectors(t, src, p)
}

func TestGeneratedPagePositionsAndSelectors(t *testing.T) {
	src := genPage(7)
	p := mustParse(t, src, Options{})
	if len(p.Menus) == 0 || p.Footer == nil || len(p.Links) < 100 {
		t.Fatalf("menus %d footer %v links %d", len(p.Menus), p.Footer != nil, len(p.Links))
	}
	checkPositions(t, src, p)
	checkSelectors(t, src, p)
	if !bytes.Contains([]byte(src), []byte("©")) || len(p.Footer.Copyright) != 1 {
		t.Errorf("copyright %v", p.Footer.Copyright)
	}
}
