package lint

import (
	"path/filepath"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func canonical(href string) *page.Link {
	return &page.Link{Tag: page.TagLink, Attr: page.AttrHref, Rare: &page.Rare{Rel: "canonical"}, Href: href}
}

// The address a page declares: the first canonical link, else og:url,
// else an absolute <base>; a path alone is completed by the base URL.
func TestDeclaredAddress(t *testing.T) {
	for _, tt := range []struct {
		name    string
		page    *page.Page
		baseURL string
		want    address
		ok      bool
	}{
		{"nothing", &page.Page{}, "", address{}, false},
		{"canonical", &page.Page{Links: []*page.Link{canonical("https://www.news.example/world/story?id=1#x")}}, "",
			address{origin: "https://www.news.example", path: "/world/story", url: "https://www.news.example/world/story?id=1"}, true},
		{"the first canonical wins, over og:url", &page.Page{OGURL: "https://og.example/a", Links: []*page.Link{
			{Tag: page.TagLink, Rare: &page.Rare{Rel: "stylesheet"}, Href: "/a.css"}, canonical("https://new.example/a"), canonical("https://old.example/a")}}, "",
			address{origin: "https://new.example", path: "/a", url: "https://new.example/a"}, true},
		{"og:url", &page.Page{OGURL: " https://www.news.example/ "}, "",
			address{origin: "https://www.news.example", path: "/", url: "https://www.news.example/"}, true},
		{"protocol-relative: https", &page.Page{OGURL: "//www.news.example/a"}, "",
			address{origin: "https://www.news.example", path: "/a", url: "https://www.news.example/a"}, true},
		{"a path alone", &page.Page{OGURL: "/life/mindful"}, "", address{path: "/life/mindful", url: "/life/mindful"}, true},
		{"a path alone, with a base URL", &page.Page{OGURL: "/life/mindful"}, "https://www.weekly.example/",
			address{origin: "https://www.weekly.example", path: "/life/mindful", url: "https://www.weekly.example/life/mindful"}, true},
		{"relative to an absolute base", &page.Page{Base: "https://static.example/edition/", Links: []*page.Link{canonical("story")}}, "",
			address{origin: "https://static.example", path: "/edition/story", url: "https://static.example/edition/story"}, true},
		{"an absolute base alone", &page.Page{Base: "https://static.example/edition/"}, "",
			address{origin: "https://static.example", path: "/edition/", url: "https://static.example/edition/"}, true},
		{"relative, and no base to read it", &page.Page{Base: "/edition/", Links: []*page.Link{canonical("story")}}, "", address{}, false},
		{"not the web", &page.Page{OGURL: "file:///home/me/a.html"}, "", address{}, false},
	} {
		got, ok := declaredAddress(tt.page, tt.baseURL)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// An address locates a file when its path, spelt as static servers map
// paths to files, ends the file's path.
func TestLocate(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(filepath.FromSlash(p))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, tt := range []struct {
		file, path, root, sitePath string
		ok                         bool
	}{
		{"public/about/index.html", "/about/", "public", "/about/index.html", true},
		{"public/about/index.html", "/about", "public", "/about/index.html", true},
		{"public/about.html", "/about", "public", "/about.html", true},
		{"public/a/b.html", "/a/b.html", "public", "/a/b.html", true},
		{"public/index.html", "/", "public", "/index.html", true},
		{"saved/story.html", "/world/2026/story-1", "", "", false},
		{"public/xabout/index.html", "/about/", "", "", false},
	} {
		root, sitePath, ok := locate(tt.file, tt.path)
		if ok != tt.ok || sitePath != tt.sitePath || (ok && root != abs(tt.root)) {
			t.Errorf("locate(%q, %q) = %q, %q, %v; want %q, %q, %v", tt.file, tt.path, root, sitePath, ok, tt.root, tt.sitePath, tt.ok)
		}
	}
}

func TestMayDeclareAddress(t *testing.T) {
	for _, tc := range []struct {
		page string
		want bool
	}{
		{`<html><head><title>t</title></head><body><a href="/x">x</a></body>`, false},
		{`<p>a database of bases</p>`, false},
		{`<HEAD><BASE HREF="https://example.com/"></HEAD>`, true},
		{`<link rel="Canonical" href="https://example.com/a">`, true},
		{`<meta property="OG:URL" content="https://example.com/a">`, true},
		{`canonica`, false},
		{`x og:url`, true},
	} {
		if got := mayDeclareAddress([]byte(tc.page)); got != tc.want {
			t.Errorf("mayDeclareAddress(%q) = %v, want %v", tc.page, got, tc.want)
		}
	}
}
