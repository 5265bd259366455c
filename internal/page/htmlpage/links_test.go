package htmlpage

import (
	"errors"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"golang.org/x/net/html/atom"
)

func TestLinks(t *testing.T) {
	src := `<!DOCTYPE html>
<html lang="de-CH"><head>
<title> Über   uns </title>
<base href="/site/">
<meta http-equiv="Refresh" content="0; URL='/new/place.html'">
<link rel="stylesheet  preload" href="css/a.css">
<link rel="icon" href="">
<script src="js/a.js"></script><script>var a = "<a href='no'>";</script>
</head><body>
<a href="#x" id="x">to x</a><a name="old">old</a><a>no href</a>
<img src="i.png" srcset="i-1.png 1x, i-2.png 2x,i-3.png 3x" alt="pic">
<picture><source srcset="w.webp 100w, w2.webp 200w" type="image/webp"><source src="s.mp4"></picture>
<iframe src="frame.html"></iframe><video src="v.mp4" poster="p.jpg"></video><audio src="a.mp3"></audio>
<map><area href="area.html" alt="Area"></map>
<svg><a href="svg-link"><text>x</text></a><image href="svg.png"/></svg>
<img src="">
<form action="/post"></form>
<div id="x"><span id="y"></span></div>
</body></html>`
	p := mustParse(t, src, Options{URL: "/dir/page.html"})
	if p.Title != "Über uns" || p.Lang != "de-CH" || p.Base != "/site/" || p.Redirect != "/new/place.html" {
		t.Errorf("title %q lang %q base %q redirect %q", p.Title, p.Lang, p.Base, p.Redirect)
	}
	var got []string
	for _, l := range p.Links {
		s := l.Tag.String() + "/" + l.Attr.String() + " " + l.Href + " -> " + l.Target
		if l.Rel() != "" {
			s += " rel=" + l.Rel()
		}
		if l.Label != "" {
			s += " label=" + l.Label
		}
		got = append(got, s)
	}
	want := []string{
		"meta/content /new/place.html -> /new/place.html", // a refresh's URL is a link
		"link/href css/a.css -> /site/css/a.css rel=stylesheet preload",
		"link/href  -> /site/ rel=icon",
		"script/src js/a.js -> /site/js/a.js",
		"a/href #x -> /site/#x label=to x",
		"img/src i.png -> /site/i.png label=pic", // an img's label is its alt
		"img/srcset i-1.png -> /site/i-1.png label=pic",
		"img/srcset i-2.png -> /site/i-2.png label=pic",
		"img/srcset i-3.png -> /site/i-3.png label=pic",
		"source/srcset w.webp -> /site/w.webp",
		"source/srcset w2.webp -> /site/w2.webp",
		"source/src s.mp4 -> /site/s.mp4",
		"iframe/src frame.html -> /site/frame.html",
		"video/src v.mp4 -> /site/v.mp4",
		"video/poster p.jpg -> /site/p.jpg",
		"audio/src a.mp3 -> /site/a.mp3",
		"area/href area.html -> /site/area.html label=Area",
		"img/src  -> /site/", // an empty src shows a broken image (link-empty)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := strings.Join(p.Anchors, ","); a != "x,old,y" {
		t.Errorf("anchors %q", a)
	}
	for _, l := range p.Links {
		if l.Region != page.RegionMain {
			t.Errorf("%s region %q", l.Href, l.Region)
		}
	}
	checkPositions(t, src, p)
	checkSelectors(t, src, p)
}

func TestLinkRegions(t *testing.T) {
	src := `<body><header><a href="/h">h</a><nav><a href="/n">n</a></nav></header><nav><a href="/m">m</a></nav><main><a href="/b">b</a></main><footer><img src="f.png"></footer>`
	p := mustParse(t, src, Options{})
	var got []string
	for _, l := range p.Links {
		got = append(got, l.Href+":"+l.Region.String())
	}
	if g := strings.Join(got, " "); g != "/h:header /n:header /m:nav /b:main f.png:footer" {
		t.Errorf("got %s", g)
	}
}

// sameLinks compares the links of p, as linkLines lists them, with want.
func sameLinks(t *testing.T, p *page.Page, want []string) {
	t.Helper()
	if got := linkLines(p); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// linkLines lists links as "tag/attr href -> target", with the flags set.
func linkLines(p *page.Page) []string {
	var out []string
	for _, l := range p.Links {
		s := l.Tag.String() + "/" + l.Attr.String() + " " + l.Href + " -> " + l.Target
		if l.Label != "" {
			s += " label=" + l.Label
		}
		if l.Missing {
			s += " missing"
		}
		if l.Ignored {
			s += " ignored"
		}
		out = append(out, s)
	}
	return out
}

// References without a URL are links (link-empty judges them), but for
// what a script fills in; meta refreshes are links, malformed ones with
// no target.
func TestLinksWithoutURLs(t *testing.T) {
	src := `<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="3x;url=target.html">
<meta http-equiv="refresh" content="30">
<link rel="stylesheet"><link rel="preload" as="image" imagesrcset="a.png 1x, b.png 2x">
<script src=" "></script><script></script>
</head><body>
<img alt="no src at all"><img src="" alt="chart"><img srcset="s.png 2x" alt="srcset only">
<img data-src="lazy.png" alt="lazy"><img src="" data-original="o.png" alt="lazy too">
<img data-bind="attr: { src: imageUrl }" alt="knockout"><img :src="url" alt="vue"><img ng-src="{{u}}" alt="angular">
<template><img alt="a template's"></template>
<picture><source srcset="p.webp"><img alt="picture"></picture>
<iframe src=""></iframe><a>placeholder</a>
</body></html>`
	p := mustParse(t, src, Options{URL: "/page.html"})
	want := []string{
		"meta/content 3x;url=target.html -> ",
		"link/href  ->  missing",
		"script/src   -> /page.html",
		"img/src  ->  label=no src at all missing",
		"img/src  -> /page.html label=chart",
		"img/srcset s.png -> /s.png label=srcset only",
		"source/srcset p.webp -> /p.webp",
	}
	sameLinks(t, p, want)
	checkPositions(t, src, p)
}

// data-pagelint-ignore and data-proofer-ignore (attribute, any value, or
// class) mark an element and everything in it; the entries and ids stay.
func TestIgnoredLinks(t *testing.T) {
	src := `<body>
<nav><a href="/a" data-proofer-ignore>a</a><a href="/b">b</a></nav>
<div data-pagelint-ignore><p><a href="/c" id="kept">c</a><img src="d.png" alt="d"></p></div>
<p class="note data-proofer-ignore"><script src="e.js"></script></p>
<p data-proofer-ignore="false"><a href="/f">f</a></p>
<p data-proofer-ignored><a href="/g">g</a></p>
</body>`
	p := mustParse(t, src, Options{URL: "/page.html"})
	want := []string{
		"a/href /a -> /a label=a ignored",
		"a/href /b -> /b label=b",
		"a/href /c -> /c label=c ignored",
		"img/src d.png -> /d.png label=d ignored",
		"script/src e.js -> /e.js ignored",
		"a/href /f -> /f label=f ignored",
		"a/href /g -> /g label=g",
	}
	sameLinks(t, p, want)
	if len(p.Menus) != 1 || len(p.Menus[0].Entries) != 2 || !p.Menus[0].Entries[0].Ignored || p.Menus[0].Entries[1].Ignored {
		t.Errorf("the menu's entries: %+v", p.Menus)
	}
	if !strings.Contains(strings.Join(p.Anchors, ","), "kept") {
		t.Errorf("an id inside an ignored element is no anchor any more: %q", p.Anchors)
	}
}

func TestUsemap(t *testing.T) {
	p := mustParse(t, `<body><img usemap="#campus" src="a.gif" alt="map"><map name="campus" id="grounds"></map><map id="annex"></map><img usemap=""></body>`, Options{URL: "/page.html"})
	want := []string{"img/src a.gif -> /a.gif label=map", "img/usemap #campus -> /page.html#campus label=map", "img/src  ->  missing"}
	sameLinks(t, p, want)
	if m := strings.Join(p.Maps, ","); m != "campus,grounds,annex" {
		t.Errorf("maps %q", m)
	}
}

func TestOGURL(t *testing.T) {
	for src, want := range map[string]string{
		`<head><meta property="og:url" content=" https://www.news.example/a "><meta property="og:url" content="/b"></head>`: "https://www.news.example/a",
		`<head><meta name="OG:URL" content="/life/mindful"></head>`:                                                         "/life/mindful",
		`<head><meta property="og:title" content="x"></head>`:                                                               "",
	} {
		if got := mustParse(t, src, Options{}).OGURL; got != want {
			t.Errorf("%s: og:url %q, want %q", src, got, want)
		}
	}
}

func TestSuppressions(t *testing.T) {
	src := strings.Join([]string{
		`<body>`, // 1
		`<!-- pagelint-disable-next-line link-no-text, link-broken -- legacy -->`, // 2
		`<a href="x"></a>`,                          // 3
		`<!-- pagelint-disable-next-line -->`,       // 4
		`<a></a>`,                                   // 5
		`<!-- pagelint-disable footer-required -->`, // 6
		`<p>`, // 7
		`<!-- pagelint-enable footer-required -->`, // 8
		`<!--`, // 9
		`  pagelint-disable-next-line nav-dead-link`, // 10
		`-->`,               // 11
		`<a href="#">x</a>`, // 12
		`<!-- pagelint-disable link-fragment,menu-duplicate -->`, // 13
		`<!-- pagelint-enable menu-duplicate -->`,                // 14
		`<!-- pagelint-disable -->`,                              // 15
		`<!-- just a comment: pagelint-disable -->`,              // 16
		`<p>end`, // 17
	}, "\n")
	p := mustParse(t, src, Options{})
	checks := []struct {
		rule string
		line int
		want bool
	}{
		{"link-no-text", 3, true}, {"link-broken", 3, true}, {"nav-dead-link", 3, false},
		{"link-no-text", 4, false}, {"anything", 5, true}, {"anything", 6, false},
		{"footer-required", 6, true}, {"footer-required", 8, true}, {"footer-required", 9, false},
		{"nav-dead-link", 12, true}, {"nav-dead-link", 11, false},
		{"menu-duplicate", 14, true}, {"menu-duplicate", 15, true}, {"link-fragment", 17, true},
		{"anything", 14, false}, {"anything", 15, true}, {"anything", 17, true},
		{"anything", 0, false},
	}
	for _, c := range checks {
		if got := p.Suppressed(c.rule, c.line); got != c.want {
			t.Errorf("Suppressed(%q, %d) = %v, want %v (suppressions %+v)", c.rule, c.line, got, c.want, p.Suppressions)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
		msg  string
	}{
		{"empty", "", ErrEmpty, "empty page: empty file"},
		{"white space", " \n\t\r\n ", ErrEmpty, "empty page: empty file"},
		{"NUL bytes", "<p>a\x00b</p>", ErrNotHTML, "not an HTML page: binary data"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrNotHTML, "not an HTML page: binary data"},
		{"invalid UTF-8", "<p>\n\nok\n<b>\xff\xfe</b>", ErrNotHTML, "not an HTML page: invalid UTF-8 at line 4"},
		{"latin-1", "<p>caf\xe9</p>", ErrNotHTML, "not an HTML page: invalid UTF-8 at line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.data), Options{})
			if p != nil || !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("got %v, %v; want %q", p, err, tt.msg)
			}
		})
	}
}

func TestOddButValidInput(t *testing.T) {
	for _, src := range []string{
		"just text", "<", "</", "<a", "<a href='x", "<!--", "<!DOCTYPE", "</footer></nav></header>",
		"<html><html><body><body><head>", "<footer><footer><nav><nav><header>",
		"<svg><a href=x><title>t</title></a><foreignObject><nav><a href=y>y</a></nav></foreignObject></svg>",
		"<table><nav><a href=x>x</a></nav><tr><td><footer><a href=y>y</a></footer></table>",
		"<template><nav><a href=x>x</a></nav></template>",
		"<b><i><u><s><a href=x><b><i><u><s>deep</a></s></u></i></b>",
		"<select><option><a href=x>x</a></select><plaintext><a href=y>",
		"<frameset><frame src=f.html></frameset>",
		"<nav>" + strings.Repeat("<ul><li><a href=x>x</a>", 300) + "</nav>",
		strings.Repeat("<div>", 5000) + "<a href=x>deep</a>",
		"\uFEFF<p>bom",
	} {
		p, err := Parse([]byte(src), Options{})
		if err != nil {
			t.Errorf("%.40q: %v", src, err)
			continue
		}
		if len(src) < 3000 {
			checkPositions(t, src, p)
		}
	}
}

// A UTF-16 page with a byte order mark is read as browsers read it.
func TestUTF16(t *testing.T) {
	const src = "<title>Über</title><nav><a href=\"/ä\">Ä</a></nav>\n<a href=/x>x</a>"
	for _, bigEndian := range []bool{false, true} {
		data := []byte{0xFF, 0xFE}
		if bigEndian {
			data = []byte{0xFE, 0xFF}
		}
		for _, r := range src {
			var hi, lo = byte(r >> 8), byte(r)
			if bigEndian {
				data = append(data, hi, lo)
			} else {
				data = append(data, lo, hi)
			}
		}
		p, err := Parse(data, Options{URL: "/p.html"})
		if err != nil {
			t.Fatalf("big endian %v: %v", bigEndian, err)
		}
		if p.Title != "Über" || outline(p.Menus[0].Entries) != "Ä" || p.Links[1].Pos != (page.Pos{Line: 2, Column: 1}) {
			t.Errorf("big endian %v: title %q, menu %q, second link at %v", bigEndian, p.Title, outline(p.Menus[0].Entries), p.Links[1].Pos)
		}
	}
}

// Parse reads the page and never writes to it: a caller may parse the same
// bytes again (an alt text over several lines used to be collapsed in
// place, shifting the lines of a second parse).
func TestParseLeavesThePageAsItWas(t *testing.T) {
	src := "<body><main><img alt=\"a\n   b\" src=x.png>\n<a href=\"/y\">  y\n z </a></main>"
	data := []byte(src)
	if _, err := Parse(data, Options{Source: "p.html", URL: "/p.html"}); err != nil {
		t.Fatal(err)
	}
	if string(data) != src {
		t.Errorf("Parse changed its input:\n%q\nwas\n%q", data, src)
	}
}

// The tree marks as Refs the elements whose references the model reads
// (refAttrs), so that the parser notes exactly those start tags: the two
// lists are kept in two packages and must agree.
func TestRefsAreRefAttrs(t *testing.T) {
	for _, name := range strings.Fields(`a abbr area audio b base body br button canvas col div embed
		form frame head html iframe img input link map meta nav object p picture script section source
		span style svg table td template track ul video`) {
		a := atom.Lookup([]byte(name))
		_, reads := refAttrs[a]
		if marked := htmltree.PropsOf(a)&htmltree.Refs != 0; marked != reads {
			t.Errorf("<%s>: marked Refs %v, references read %v", name, marked, reads)
		}
	}
}
