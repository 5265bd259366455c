package htmlpage

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// genPage writes a realistic page of about 15 KB: a header menu of ~40
// links in nested lists, a footer of 25 links in 5 headed columns with a
// copyright line, ~30 body links with fragments, images, scripts and
// stylesheets.
func genPage(seed int) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page %d – Contoso</title>\n", seed)
	w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	for i := 0; i < 4; i++ {
		w("<link rel=\"stylesheet\" href=\"/css/site-%d.css?v=%d\">\n", i, seed)
	}
	w("<link rel=\"canonical\" href=\"https://www.contoso.com/p/%d.html\">\n", seed)
	w("<script src=\"/js/app.js\" defer></script>\n</head>\n<body class=\"page\">\n")
	w("<a class=\"skip\" href=\"#main\">Skip to main content</a>\n")
	w("<header id=\"site-header\" class=\"header\">\n<a href=\"/\" class=\"logo\"><img src=\"/img/logo.svg\" alt=\"Contoso\" width=\"108\" height=\"23\"></a>\n")
	w("<nav aria-label=\"Primary\" class=\"nav\">\n<ul class=\"menu\">\n")
	for top := 0; top < 6; top++ {
		w("<li class=\"menu-item\"><button type=\"button\" aria-expanded=\"false\" class=\"toggle\">Section %d</button>\n<ul class=\"submenu\">\n", top)
		for sub := 0; sub < 6; sub++ {
			w("<li><a href=\"/section-%d/topic-%d/\" class=\"menu-link\">Topic %d.%d</a></li>\n", top, sub, top, sub)
		}
		w("</ul></li>\n")
	}
	w("<li><a href=\"/search/\"><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><title>Search</title><path d=\"M1 1h14v14H1z\"/></svg><span>Search</span></a></li>\n")
	w("</ul>\n</nav>\n</header>\n<main id=\"main\">\n<h1>Page %d</h1>\n", seed)
	for i := 0; i < 30; i++ {
		w("<section id=\"s%d\"><h2>Heading %d</h2>\n<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ", i, i)
		w("See <a href=\"/p/%d.html#s%d\" class=\"inline\">related page %d</a> and <a href=\"#s%d\">above</a>.</p>\n", (seed+i)%50, i%7, i, (i+29)%30)
		if i%5 == 0 {
			w("<figure><img src=\"/img/photo-%d.jpg\" srcset=\"/img/photo-%d@2x.jpg 2x, /img/photo-%d@3x.jpg 3x\" alt=\"Photo %d\" loading=\"lazy\"><figcaption>Photo %d</figcaption></figure>\n", i, i, i, i, i)
		}
		w("</section>\n")
	}
	w("</main>\n<footer class=\"footer\" role=\"contentinfo\">\n<div class=\"columns\">\n")
	for col := 0; col < 5; col++ {
		w("<div class=\"col\"><h2 class=\"col-title\">Column %d</h2>\n<ul>\n", col)
		for i := 0; i < 5; i++ {
			w("<li><a href=\"/footer/%d/%d.html\" data-track=\"footer\">Footer link %d.%d</a></li>\n", col, i, col, i)
		}
		w("</ul></div>\n")
	}
	w("</div>\n<div class=\"legal\"><a href=\"/privacy/\">Privacy</a> <a href=\"/terms/\">Terms of use</a>\n")
	w("<span class=\"copy\">© Contoso %d</span></div>\n</footer>\n<script src=\"/js/analytics.js\" async></script>\n</body>\n</html>\n", 2020+seed%6)
	return b.String()
}

func benchPage(b *testing.B) []byte {
	data := []byte(genPage(11))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	return data
}

func BenchmarkParse(b *testing.B) {
	data := benchPage(b)
	for b.Loop() {
		if _, err := Parse(data, Options{URL: "/p/11.html"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenizeOnly is the floor: every token read, its tag name and
// attributes looked at, nothing kept.
func BenchmarkTokenizeOnly(b *testing.B) {
	data := benchPage(b)
	for b.Loop() {
		z := html.NewTokenizer(bytes.NewReader(data))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.StartTagToken {
				_, more := z.TagName()
				for more {
					_, _, more = z.TagAttr()
				}
			}
		}
	}
}

// BenchmarkFullParse is what a DOM per page costs: html.Parse alone.
func BenchmarkFullParse(b *testing.B) {
	data := benchPage(b)
	for b.Loop() {
		if _, err := html.Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSite parses the pages of a site one after the other, as a
// run does, reusing the builder's arena.
func BenchmarkParseSite(b *testing.B) {
	var pages [][]byte
	size := 0
	for i := range 64 {
		pages = append(pages, []byte(genPage(i)))
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Parse(pages[i%len(pages)], Options{URL: "/p/page.html"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
