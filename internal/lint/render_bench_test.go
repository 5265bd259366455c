package lint

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/source"
)

// bigPage is a page of a large site: a mega menu of menuLinks entries in
// nested lists, content links, a footer.
func bigPage(menuLinks, contentLinks int) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Big</title></head>\n<body>\n<header><nav aria-label=\"Main\"><ul>\n")
	for i := range menuLinks / 10 {
		fmt.Fprintf(&b, "  <li><button>Group %d</button>\n    <ul>\n", i)
		for j := range 10 {
			fmt.Fprintf(&b, "      <li><a href=\"/g%d/p%d.html\">Page %d.%d</a></li>\n", i, j, i, j)
		}
		b.WriteString("    </ul></li>\n")
	}
	b.WriteString("</ul></nav></header>\n<main>\n")
	for i := range contentLinks {
		fmt.Fprintf(&b, "<p>Paragraph %d with <a href=\"/c/%d.html\">a link</a> and <img src=\"/i/%d.png\" alt=\"\">.</p>\n", i, i, i)
	}
	b.WriteString("</main>\n<footer><a href=\"/privacy.html\">Privacy</a> <p>© 2026 Big</p></footer>\n</body></html>\n")
	return b.String()
}

// BenchmarkSourcePositions measures what --render adds in Go to a local
// page: reading back the source positions of its items from the DOM, by
// their selectors — a second parse of the page, and a look-up per item
// (the browser's own work is not in it). The page is annotated by the real
// file server.
func BenchmarkSourcePositions(b *testing.B) {
	root := b.TempDir()
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte(bigPage(1000, 1000)), 0o644); err != nil {
		b.Fatal(err)
	}
	base, stop, err := source.ServeDir(root)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := http.Get(base + "index.html")
	if err != nil {
		b.Fatal(err)
	}
	annotated, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	stop()
	if err != nil {
		b.Fatal(err)
	}
	p, err := htmlpage.Parse(annotated, htmlpage.Options{URL: "/index.html", Format: page.FormatDOM})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(annotated)))
	b.ReportAllocs()
	for b.Loop() {
		if slow := sourcePositions(p, string(annotated)); slow != 0 {
			b.Fatalf("%d selectors were no path", slow)
		}
	}
	if l := p.Links[len(p.Links)-1]; l.Line == 0 {
		b.Fatalf("no position for %+v", l)
	}
}
