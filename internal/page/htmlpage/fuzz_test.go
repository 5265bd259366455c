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

// FuzzAttrs: the builder reads the name and attributes of every start tag
// as x/net/html's TagName and TagAttr return them.
func FuzzAttrs(f *testing.F) {
	for _, seed := range []string{
		`<a href="/x" class=y data-z='w'>`, `<IMG SRC=a.png ALT = "b" / >`, `<a =b c==d e/f=g/ h>`,
		`<p a="x"b=y c>`, `<a href="?a=1&amp;b=2&copy=3">`, "<a\rb=c>", `<br/>`, `<a=b>`, `<x:y z>`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := decode([]byte(src)); err != nil {
			return
		}
		b := new(builder)
		b.reset([]byte(src))
		b.z = html.NewTokenizer(strings.NewReader(src))
		ref := html.NewTokenizer(strings.NewReader(src))
		off := 0
		for {
			tt, _ := b.z.Next(), ref.Next()
			raw := b.z.Raw()
			b.tok = token{kind: tt, off: int32(off), end: int32(off + len(raw))}
			off += len(raw)
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			b.readTag(true)
			name, more := ref.TagName()
			var want []string
			for more {
				var k, v []byte
				k, v, more = ref.TagAttr()
				want = append(want, string(k)+"="+string(v))
			}
			var got []string
			for _, a := range b.attrs[b.tok.attrs.from:b.tok.attrs.to] {
				got = append(got, b.attrName(a)+"="+string(b.bytes(a.val)))
			}
			if gotName := b.tokName(); string(gotName) != string(name) || strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("%q: got %s %q, want %s %q", raw, gotName, got, name, want)
			}
		}
	})
}
