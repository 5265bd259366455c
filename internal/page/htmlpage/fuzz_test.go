package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzParse: any input gives a model or an error, never a panic, and every
// position points at a start tag.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		genPage(0),
		`<nav><ul><li><button>P</button><ul><li><a href="/c">C</a></ul></ul></nav>`,
		`<footer><b><p>x</b></p><table>t<tr><td><a href=/t>T</a></table>© 2024</footer>`,
		`<a href=x><b>x</a>y</b><p><ul><li>z`,
		"<!-- pagelint-disable-next-line a,b -- r -->\r\n<a>",
		"<svg><title>t</title><a href=y/></svg><math><mi>x</mi></math>",
		"\xff", "\x00", "",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Parse([]byte(src), Options{
			URL:   "/a/b.html",
			Menus: []NamedSelector{{Name: "M", Selector: "ul > li"}},
		})
		if err != nil {
			return
		}
		checkPositions(t, src, p)
	})
}

// FuzzRawTag: readRawTag reads the same name and attributes as the
// tokenizer's TagName and TagAttr.
func FuzzRawTag(f *testing.F) {
	for _, seed := range []string{
		`<a href="x" class=y id='z'>`, `<A HREF=x/>`, `<br/>`, `<img src=a.png alt= b >`,
		`<p a="1" A="2" b>`, `<div =x y=>`, `<x-y data-Q="">`, `<a/b/c=d>`, `<p a=/>`,
		`<svg viewBox="0 0 1 1"/>`, `<a href="x"d e='f'g>`, "<a\tb\nc\fd>", `<a b=">">`, `<a b='x`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.IndexByte(src, 0) >= 0 {
			return // Parse refuses NUL bytes before any tag is read
		}
		z := html.NewTokenizer(strings.NewReader(src))
		s := newStream(nil, &Options{}, nil)
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.EndTagToken {
				continue
			}
			raw := append([]byte(nil), z.Raw()...)
			got, _, ok := s.readRawEndTag(raw)
			if want, _ := z.TagName(); ok && got != string(want) {
				t.Fatalf("%q: end tag %q, want %q", raw, got, want)
			}
		}
	})
}
