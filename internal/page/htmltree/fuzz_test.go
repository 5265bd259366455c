package htmltree

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

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
		b := new(Builder)
		b.Reset([]byte(src))
		b.z = html.NewTokenizer(strings.NewReader(src))
		ref := html.NewTokenizer(strings.NewReader(src))
		off := 0
		for {
			tt, _ := b.z.Next(), ref.Next()
			raw := b.z.Raw()
			b.tok = token{kind: tt, Tag: Tag{Off: int32(off), End: int32(off + len(raw))}}
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
			for _, a := range b.Attrs[b.tok.Attrs.From:b.tok.Attrs.To] {
				got = append(got, b.AttrName(a)+"="+string(b.Bytes(a.Val)))
			}
			if gotName := b.tokName(); string(gotName) != string(name) || strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("%q: got %s %q, want %s %q", raw, gotName, got, name, want)
			}
		}
	})
}
