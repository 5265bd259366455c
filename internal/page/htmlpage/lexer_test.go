package htmlpage

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzLexer: the lexer reads the tokens html.Tokenizer reads, with the
// same raw bytes and content.
func FuzzLexer(f *testing.F) {
	for _, seed := range lexerSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.IndexByte(src, 0) >= 0 {
			return // Parse refuses NUL bytes
		}
		if err := compareLexer(src); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLexerAgreesWithTokenizer(t *testing.T) {
	srcs := append([]string{genPage(0), genPage(7)}, lexerSeeds...)
	for _, src := range srcs {
		// every prefix: the end of the page cuts every construct
		for n := 0; n <= len(src); n += 1 + n/64 {
			if err := compareLexer(src[:n]); err != nil {
				t.Fatal(err)
			}
		}
	}
}

var lexerSeeds = []string{
	"<!doctype html>x", "<!DocType>", "<!DOCTYPEhtml>", "<!DOCTYPE", "<!DOCTYPE html", "<!doctypx>", "<!DOCTYP>",
	`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x>y">z`, "<!DOCTYPE \n\t>",
	`<a href="x" class=y id='z'>t</a>`, `<A HREF=x/>`, `<br/>`, `<img src=a.png alt= b >`,
	`<p a="1" A="2" b>`, `<div =x y=>`, `<x-y data-Q="">`, `<a/b/c=d>`, `<p a=/>`, `<p a=b/>`,
	`<p a=1 a=x/>`, `<p a="/"/>`, `<p / >`, `<svg viewBox="0 0 1 1"/>`, `<a href="x"d e='f'g>`,
	"<a\tb\nc\fd>", `<a b=">">`, `<a b='x`, "<a b=\"\r\n\">", `<a b="&amp;&lt">x&amp;y</a>`,
	`<!DOCTYPE html><!-- c --><!----><!--><!---><!-- a -- b --!><!--x--!-->`, `<!-- x --!y -->`,
	`<? pi ?></ bogus></><!x><!-`, `<<a>>< a>a<1>`, `</A B=">">`, `</p`, `</`, `<`, `x<`,
	`<script>if (a<b && c</d) {}</script ><style>p{}</STYLE><title>T &amp; t</title>`,
	`<script><!-- document.write("<script></script>") --></script><p>`,
	`<script>x</scriptx></script/><textarea><a>&lt;</textarea ><xmp><b></xmp>`,
	`<svg><title><b>t</b></title><style><a></style></svg><math><mi>x</mi></math>`,
	`<iframe><p></iframe><noembed>x</noembed><noframes><noscript><a></noscript></noframes>`,
	"<plaintext><a>\r\nx", "<title></title><script></script><p>", "<script", "<script>x</scr",
	"a\r\nb\rc&copy;d&copyright;e<p\r\nq=\"\r\">", "<a b='1' B=2 c=\"3\" / >",
	`<a href="?a=1&amp;b=2&c=3&not=4&copy;&ampx;&semi;&#65;&#x41&lt&nbsp;& x&">`, `<a b="&notit;&notin;&AMP;&Amp;">`,
	`<a href="?a=1&amp;b=2&c=3&lt;x&x=&&;" title='&quot;&eacute;&NotNestedLessLess;'>`,
}

func compareLexer(src string) error {
	z := html.NewTokenizer(strings.NewReader(src))
	l := newLexer([]byte(src))
	for i := 0; ; i++ {
		want, got := z.Next(), l.Next()
		wantRaw, gotRaw := string(z.Raw()), string(l.Raw())
		if want != got || wantRaw != gotRaw {
			return fmt.Errorf("%q token %d: got %v %q, want %v %q", src, i, got, gotRaw, want, wantRaw)
		}
		switch want {
		case html.ErrorToken:
			return nil
		case html.TextToken, html.CommentToken, html.DoctypeToken:
			if w, g := string(z.Text()), string(l.Text()); w != g {
				return fmt.Errorf("%q token %d: text %q, want %q", src, i, g, w)
			}
		default:
			lexed, ok := lexedString(l)
			w, g := tagString(z), tagString(l)
			if w != g {
				return fmt.Errorf("%q token %d: tag %s, want %s", src, i, g, w)
			}
			if want != html.EndTagToken && ok && lexed != w {
				return fmt.Errorf("%q token %d: lexed tag %s, want %s", src, i, lexed, w)
			}
		}
		if (want == html.StartTagToken || want == html.SelfClosingTagToken) && len(wantRaw)%3 == 0 {
			z.NextIsNotRawText()
			l.NextIsNotRawText()
		}
	}
}

// lexedString is tagString of the name and attributes the lexer found, as
// lexedTag decodes them; ok is false when lexedTag leaves the tag to the
// tokenizer.
func lexedString(l *lexer) (string, bool) {
	var b bytes.Buffer
	b.Write(asciiLower(l.data[l.name.from:l.name.to]))
	for _, a := range l.attrs[:l.nattrs] {
		val := convertNewlines(l.data[a.val.from:a.val.to])
		if bytes.IndexByte(val, '&') >= 0 {
			var ok bool
			if val, ok = attrUnescape(val); !ok {
				return "", false
			}
		}
		fmt.Fprintf(&b, " %s=%q", asciiLower(l.data[a.key.from:a.key.to]), val)
	}
	return b.String(), true
}

func asciiLower(b []byte) []byte {
	out := bytes.Clone(b)
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return out
}

type tagReader interface {
	TagName() ([]byte, bool)
	TagAttr() ([]byte, []byte, bool)
}

func tagString(z tagReader) string {
	var b bytes.Buffer
	name, more := z.TagName()
	b.Write(name)
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		fmt.Fprintf(&b, " %s=%q", k, v)
	}
	return b.String()
}
