package htmlpage

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func TestLandmarkChoice(t *testing.T) {
	tests := []struct {
		name           string
		html           string
		header, footer string // the first item label of each, "-" for none
	}{
		{"plain", `<header><a href="/">H</a></header><footer><a href="/p">F</a></footer>`, "H", "F"},
		{"roles", `<div role="banner"><a href="/">H</a></div><div role="contentinfo"><a href="/p">F</a></div>`, "H", "F"},
		{"article footer is no page footer", `<main><article><footer><a href="/a">Article</a></footer></article></main><footer><a href="/p">Page</a></footer>`, "-", "Page"},
		{"last landmark footer", `<footer><a href="/1">One</a></footer><div><footer><a href="/2">Two</a></footer></div>`, "-", "Two"},
		{"only sectioning footers: the last", `<article><footer><a href="/1">One</a></footer></article><section><footer><a href="/2">Two</a></footer></section>`, "-", "Two"},
		{"first landmark header", `<article><header><a href="/a">Article</a></header></article><header><a href="/">Site</a></header><header><a href="/x">Later</a></header>`, "Site", "-"},
		{"outermost footer", `<footer><a href="/1">Outer</a><footer><a href="/2">Inner</a></footer></footer>`, "-", "Outer"},
		{"none", `<p><a href="/">x</a></p>`, "-", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<body>" + tt.html
			p := mustParse(t, src, Options{})
			first := func(r *page.Region) string {
				if r == nil {
					return "-"
				}
				if len(r.Items) == 0 {
					return ""
				}
				return r.Items[0].Label
			}
			if got := first(p.Header); got != tt.header {
				t.Errorf("header %q, want %q", got, tt.header)
			}
			if got := first(p.Footer); got != tt.footer {
				t.Errorf("footer %q, want %q", got, tt.footer)
			}
			checkPositions(t, src, p)
			checkSelectors(t, src, p)
		})
	}
}

func TestCustomLandmarkSelectors(t *testing.T) {
	src := `<body><div id="top"><a href="/">Home</a></div><div class="site-footer"><a href="/p">Privacy</a></div><ul class="menu"><li><a href="/a">A</a></ul>`
	p := mustParse(t, src, Options{HeaderSelector: "#top", FooterSelector: "div.site-footer", NavSelector: "ul.menu"})
	if p.Header == nil || outline(p.Header.Items) != "Home" {
		t.Errorf("header %+v", p.Header)
	}
	if p.Footer == nil || outline(p.Footer.Items) != "Privacy" {
		t.Errorf("footer %+v", p.Footer)
	}
	if len(p.Menus) != 1 || outline(p.Menus[0].Entries) != "A" || p.Menus[0].Region != 0 {
		t.Errorf("menus %+v", p.Menus)
	}
	checkSelectors(t, src, p)
}

func TestFooterGroups(t *testing.T) {
	src := `<body><footer>
<div class="col"><h2>Company</h2><ul><li><a href="/about">About</a></li><li><a href="/jobs">Careers</a></li></ul></div>
<div class="col"><div role="heading" aria-level="2">Help</div><ul><li><a href="/support">Support</a></li></ul></div>
<nav aria-label="Legal"><a href="/privacy">Privacy</a> <button>Cookie settings</button></nav>
<ul aria-label="Social"><li><a href="https://x.com/c"><img src="x.svg" alt="X"></a></li></ul>
<p><a href="/sitemap">Sitemap</a></p>
</footer>`
	p := mustParse(t, src, Options{})
	// The sitemap link stands after the columns, under no heading of its
	// own: it takes no earlier column's heading.
	want := "About@Company, Careers@Company, Support@Help, Privacy@Legal, Cookie settings[button]@Legal, X@Social, Sitemap"
	if got := outline(p.Footer.Items); got != want {
		t.Errorf("footer\n got %s\nwant %s", got, want)
	}
	for _, e := range p.Footer.Items {
		if e.Region != page.RegionFooter {
			t.Errorf("%q region %q", e.Label, e.Region)
		}
	}
	checkPositions(t, src, p)
	checkSelectors(t, src, p)
}

func TestCopyright(t *testing.T) {
	tests := []struct {
		name, footer string
		want         []string
	}{
		{"sign", `<p>© 2024 Contoso Ltd.</p>`, []string{"© 2024 Contoso Ltd."}},
		{"entity", `<p>&copy; 1998–2015 Contoso</p>`, []string{"© 1998–2015 Contoso"}},
		{"(c)", `<span>(c) 2006 - 2024 Contoso</span>`, []string{"(c) 2006 - 2024 Contoso"}},
		{"(C)", `<div><span>Contoso (C) 2023</span></div>`, []string{"Contoso (C) 2023"}},
		{"word", `<small>Copyright 2020 Contoso. All rights reserved.</small>`, []string{"Copyright 2020 Contoso. All rights reserved."}},
		{"mark alone climbs", `<p><span>©</span> <span>2024</span> Contoso</p>`, []string{"© 2024 Contoso"}},
		{"inside a list item", `<ul><li><a href="/p">Privacy</a></li><li>© Microsoft 2025</li></ul>`, []string{"© Microsoft 2025"}},
		{"two notices", `<p>© 2024 A</p><p>Copyright 2023 B</p>`, []string{"© 2024 A", "Copyright 2023 B"}},
		{"none", `<p>All rights reserved</p>`, nil},
		{"script ignored", `<script>var c = "© 2000"</script>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<body><main>© not the footer</main>\n<footer>" + tt.footer + "</footer>"
			p := mustParse(t, src, Options{})
			var got []string
			for _, c := range p.Footer.Copyright {
				got = append(got, c.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, c := range p.Footer.Copyright {
				if c.Line != 2 || c.Column < 9 {
					t.Errorf("%q at %d:%d", c.Text, c.Line, c.Column)
				}
			}
			checkPositions(t, src, p)
		})
	}
}
