// Package sitegen writes synthetic static sites for benchmarks: pages of
// about 15 KB with a header menu of 40 links, a footer of 25, 30 body links
// with fragments, and a few planted broken targets and fragments, listed in
// planted.txt so that a benchmark can check every one is found.
package sitegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

const (
	sections   = 50
	idsPerPage = 10
)

func pagePath(n, total int) string {
	perSection := (total + sections - 1) / sections
	return fmt.Sprintf("/section-%02d/page-%04d.html", n/perSection, n)
}

// Options vary the site.
type Options struct {
	// PerPageLinks gives every page's header and footer a link of its own
	// (a language switch, "edit this page"), as many sites have: no two
	// pages then share their header or footer byte for byte.
	PerPageLinks bool
}

// Generate writes a site of total pages to out, and planted.txt beside it
// with one line per planted defect: "rule page target".
func Generate(out string, total int) error { return GenerateWith(out, total, Options{}) }

// GenerateWith is Generate with options.
func GenerateWith(out string, total int, o Options) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var planted []string
	nav := navMenu(total)
	footer := footerBlock(total)
	for n := 0; n < total; n++ {
		p := pagePath(n, total)
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page %d</title>\n", n)
		b.WriteString("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n<script src=\"/assets/site.js\" defer></script>\n</head>\n<body>\n")
		if o.PerPageLinks {
			own := fmt.Sprintf("<a href=\"%s\" hreflang=\"en\">English</a>\n<nav aria-label=\"Primary\">", p)
			b.WriteString(strings.Replace(nav, "<nav aria-label=\"Primary\">", own, 1))
		} else {
			b.WriteString(nav)
		}
		fmt.Fprintf(&b, "<main id=\"main\">\n<h1>Page %d</h1>\n", n)
		for s := 1; s <= idsPerPage; s++ {
			fmt.Fprintf(&b, "<h2 id=\"sec-%d\">Section %d</h2>\n<p>", s, s)
			for k := 0; k < 3; k++ {
				target := rng.IntN(total)
				frag := rng.IntN(idsPerPage) + 1
				fmt.Fprintf(&b, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. <a href=\"%s#sec-%d\">Related page %d</a>. ", pagePath(target, total), frag, target)
			}
			b.WriteString("Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.</p>\n")
		}
		fmt.Fprintf(&b, "<p><img src=\"/assets/figure-%d.svg\" alt=\"Figure %d\"></p>\n", n%10, n%10)
		switch {
		case n%250 == 7:
			fmt.Fprintf(&b, "<p><a href=\"/missing/page-%d.html\">A page that was deleted</a></p>\n", n)
			planted = append(planted, fmt.Sprintf("link-broken %s /missing/page-%d.html", p, n))
		case n%333 == 11:
			fmt.Fprintf(&b, "<p><a href=\"%s#no-such-section\">A section that was renamed</a></p>\n", pagePath((n+1)%total, total))
			planted = append(planted, fmt.Sprintf("link-fragment %s %s#no-such-section", p, pagePath((n+1)%total, total)))
		case n%500 == 13:
			b.WriteString("<p><img src=\"/assets/missing.png\" alt=\"A missing image\"></p>\n")
			planted = append(planted, fmt.Sprintf("link-broken %s /assets/missing.png", p))
		}
		b.WriteString("</main>\n")
		if o.PerPageLinks {
			b.WriteString(strings.Replace(footer, "<p>&copy;", fmt.Sprintf("<p><a href=\"%s#main\">Edit this page</a></p>\n<p>&copy;", p), 1))
		} else {
			b.WriteString(footer)
		}
		b.WriteString("</body>\n</html>\n")
		if err := write(filepath.Join(out, filepath.FromSlash(p)), b.String()); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(out, "index.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head><body>"+nav+"<main><h1>Home</h1></main>"+footer+"</body></html>\n"); err != nil {
		return err
	}
	for _, a := range []string{"site.css", "site.js"} {
		if err := write(filepath.Join(out, "assets", a), "/* asset */\n"); err != nil {
			return err
		}
	}
	for i := 0; i < 10; i++ {
		if err := write(filepath.Join(out, "assets", fmt.Sprintf("figure-%d.svg", i)), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"); err != nil {
			return err
		}
	}
	return write(filepath.Join(filepath.Dir(out), "planted.txt"), strings.Join(planted, "\n")+"\n")
}

// navMenu is a header with 8 menus of 4 links each, plus 8 toggles.
func navMenu(total int) string {
	var b strings.Builder
	b.WriteString("<header>\n<a href=\"/\"><img src=\"/assets/figure-0.svg\" alt=\"Home\"></a>\n<nav aria-label=\"Primary\">\n<ul>\n")
	for m := 0; m < 8; m++ {
		fmt.Fprintf(&b, "<li><a href=\"%s\">Menu %d</a>\n<ul>\n", pagePath(m*100, total), m)
		for c := 0; c < 4; c++ {
			fmt.Fprintf(&b, "<li><a href=\"%s\">Entry %d.%d</a></li>\n", pagePath(m*100+c+1, total), m, c)
		}
		b.WriteString("</ul>\n</li>\n")
	}
	b.WriteString("</ul>\n</nav>\n</header>\n")
	return b.String()
}

// footerBlock is a footer of 5 columns of 5 links and a copyright notice.
func footerBlock(total int) string {
	var b strings.Builder
	b.WriteString("<footer>\n")
	for c := 0; c < 5; c++ {
		fmt.Fprintf(&b, "<div><h2>Column %d</h2>\n<ul>\n", c)
		for k := 0; k < 5; k++ {
			label := fmt.Sprintf("Footer link %d.%d", c, k)
			if c == 4 && k == 0 {
				label = "Privacy statement"
			}
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", pagePath(c*100+k, total), label)
		}
		b.WriteString("</ul>\n</div>\n")
	}
	b.WriteString("<p>&copy; 2010&ndash;2026 Example Corp.</p>\n</footer>\n")
	return b.String()
}

func write(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}

// LargePage is a page of at least size bytes of navs of 50 links each, as
// scripts/bench-limits.sh writes them: the benchmarks of a large page's
// time and memory.
func LargePage(size int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>Large</title></head><body>\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<nav aria-label=\"Section %d\"><ul>\n", i)
		for j := range 50 {
			fmt.Fprintf(&b, "<li><a href=\"/section-%d/page-%d.html\" class=\"nav-link\">Page %d.%d</a></li>\n", i, j, i, j)
		}
		b.WriteString("</ul></nav>\n")
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}
