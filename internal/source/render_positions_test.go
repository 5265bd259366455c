package source

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"

	"github.com/pagelint/pagelint/internal/page/htmlpage"
)

// annotated matches the attribute annotatePositions adds.
var annotated = regexp.MustCompile(` ` + PosAttr + `="(\d+):(\d+)"`)

// TestAnnotatePositions: the file server adds to each start tag its line and
// column as the HTML reader counts them, changes no other byte, and leaves
// alone what only looks like a tag.
func TestAnnotatePositions(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"plain", "<!DOCTYPE html>\n<html><body>\n  <a href=\"/a\">A</a>\n</body></html>\n"},
		{"crlf and lone cr", "<body>\r\n<a href=/a>A</a>\r<a href=/b>B</a>\r\n\r\n  <a href=/c>C</a>"},
		{"byte order mark", "\xEF\xBB\xBF<a href=/a>A</a>\n<a href=/b>B</a>"},
		{"wide characters", "<p>héllo — 日本語 🙂 <a href=/a>A</a></p>\n\t<a href=/b>B</a>"},
		{"raw text", "<script>var s = '<a href=/x>no</a>';</script><a href=/a>A</a><style>a>b{}</style><textarea><a href=/y></textarea><a href=/b>B</a>"},
		{"comments", "<!-- <a href=/x> --><a href=/a>A</a><!-- pagelint-disable -->\n<a href=/b>B</a>"},
		{"self-closing and slashes", "<img src=/i.png/><a href=/a/>A</a><br/><a href=\"/b\"/>B</a><a href=/c / >C</a>"},
		{"attributes across lines", "<a\n  href=\"/a\"\n  title='x > y'>A</a>\n<a href=/b>B</a>"},
		{"cut off at the end", "<a href=/a>A</a><a href=/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(annotatePositions([]byte(tt.in)))
			if back := annotated.ReplaceAllString(out, ""); back != tt.in {
				t.Errorf("without the attributes:\n%q\nwant the input:\n%q", back, tt.in)
			}
			// The links of the annotated page, read by the HTML reader,
			// carry the positions the reader gives the original.
			orig, err := htmlpage.Parse([]byte(tt.in), htmlpage.Options{URL: "/"})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, l := range orig.Links {
				want = append(want, fmt.Sprintf("%d:%d", l.Line, l.Column))
			}
			got := linkPositions(t, out)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("annotated link positions %q, want the reader's %q\n%s", got, want, out)
			}
		})
	}
}

// linkPositions reads the annotations of the a and img tags of a page, in
// order.
func linkPositions(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	z := nethtml.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != nethtml.ErrorToken; tt = z.Next() {
		tok := z.Token()
		if (tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken) && (tok.Data == "a" || tok.Data == "img") {
			for _, a := range tok.Attr {
				if a.Key == PosAttr {
					out = append(out, a.Val)
				}
			}
		}
	}
	return out
}

func TestParsePos(t *testing.T) {
	for _, tt := range []struct {
		in        string
		line, col int
		ok        bool
	}{
		{"12:5", 12, 5, true},
		{"1:1", 1, 1, true},
		{"0:1", 0, 0, false},
		{"12", 0, 0, false},
		{"a:b", 0, 0, false},
		{"-1:3", 0, 0, false},
	} {
		line, col, ok := ParsePos(tt.in)
		if line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("ParsePos(%q) = %d, %d, %v; want %d, %d, %v", tt.in, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
}
