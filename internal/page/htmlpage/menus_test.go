package htmlpage

import (
	"strings"
	"testing"
)

func TestMenuShapes(t *testing.T) {
	tests := []struct {
		name string
		html string
		want string // outline of each menu, "; " between menus
	}{
		{"flat nav without lists",
			`<nav><a href="/a">A</a> | <a href="/b">B</a></nav>`,
			`A, B`},
		{"button opens list",
			`<nav><ul><li><button>Products</button><ul><li><a href="/c">Cloud</a></li><li><a href="/ai">AI</a></li></ul></li><li><a href="/s">Support</a></li></ul></nav>`,
			`Products[toggle]{Cloud, AI}, Support`},
		{"link then panel",
			`<nav><ul><li><a href="/p">Products</a><div class="panel"><ul><li><a href="/c">Cloud</a></li></ul></div></li></ul></nav>`,
			`Products{Cloud}`},
		{"details and summary",
			`<nav><ul><li><details><summary>More</summary><ul><li><a href="/x">X</a></li></ul></details></li></ul></nav>`,
			`More[toggle]{X}`},
		{"column headings set groups",
			`<nav><ul><li><button aria-expanded="false">All</button><ul>
			  <li><span>Software</span><ul><li><a href="/w">Windows</a></li><li><a href="/o">Office</a></li></ul></li>
			  <li><span>Hardware</span><ul><li><a href="/s">Surface</a></li></ul></li>
			</ul></li></ul></nav>`,
			`All[toggle]{Windows@Software, Office@Software, Surface@Hardware}`},
		{"headings in mega-menu columns",
			`<nav><ul><li><button>All</button><div><div><h2>Global</h2><ul><li><a href="/m">M365</a></li></ul></div><div><h2>Business</h2><ul><li><a href="/az">Azure</a></li></ul></div></div></li></ul></nav>`,
			`All[toggle]{M365@Global, Azure@Business}`},
		{"unclosed li",
			`<nav><ul><li><a href="/a">A</a><li><a href="/b">B</a><ul><li><a href="/b1">B1</a><li><a href="/b2">B2</a></ul><li><a href="/c">C</a></ul></nav>`,
			`A, B{B1, B2}, C`},
		{"nested nav belongs to the outer one",
			`<nav aria-label="Outer"><a href="/a">A</a><nav aria-label="Inner"><a href="/b">B</a></nav></nav>`,
			`A, B@Inner`},
		{"two menus are separate",
			`<nav aria-label="Desktop"><a href="/a">A</a></nav><div role="navigation" aria-label="Mobile"><a href="/a">A</a></div>`,
			`A; A`},
		{"link plus toggle button in one item",
			`<nav><ul><li><a href="/p">Products</a><button aria-expanded="false">Open Products</button><ul><li><a href="/c">Cloud</a></li></ul></li></ul></nav>`,
			`Products{Cloud}, Open Products[toggle]`},
		{"misnested formatting inside menu",
			`<nav><ul><li><a href="/a"><b>A</a>fter</b></li></ul></nav>`,
			`A`},
		{"role=button control",
			`<nav><ul><li><span role="button" aria-expanded="false">Menu</span><ul><li><a href="/x">X</a></li></ul></li></ul></nav>`,
			`Menu[toggle]{X}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<!DOCTYPE html><html><body>" + tt.html + "</body></html>"
			p := mustParse(t, src, Options{})
			var got []string
			for _, m := range p.Menus {
				got = append(got, outline(m.Entries))
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("menus:\n got %s\nwant %s", g, tt.want)
			}
			checkPositions(t, src, p)
			checkSelectors(t, src, p)
		})
	}
}

func TestMenuNames(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"aria-label", `<nav aria-label=" Primary  nav "><a href="/">x</a></nav>`, "Primary nav"},
		{"aria-labelledby", `<h2 id="t1">Site</h2><span id="t2">map</span><nav aria-labelledby="t1 t2"><a href="/">x</a></nav>`, "Site map"},
		{"labelledby inside", `<nav aria-labelledby="h"><h2 id="h">Footer <b>links</b></h2><a href="/">x</a></nav>`, "Footer links"},
		{"first heading", `<nav><a href="/">x</a><h3>Quick links</h3><h2>Other</h2></nav>`, "Quick links"},
		{"none", `<nav><a href="/">x</a></nav>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, "<body>"+tt.html, Options{})
			if len(p.Menus) != 1 {
				t.Fatalf("got %d menus", len(p.Menus))
			}
			if p.Menus[0].Name != tt.want {
				t.Errorf("name %q, want %q", p.Menus[0].Name, tt.want)
			}
		})
	}
}

func TestNamedMenus(t *testing.T) {
	src := `<body><header><nav aria-label="Primary"><a href="/a">A</a></nav><nav class="util"><a href="/u">U</a></nav></header>
<main><nav aria-label="Breadcrumb"><a href="/">Home</a></nav></main>
<footer><nav><a href="/p">Privacy</a></nav></footer>`
	p := mustParse(t, src, Options{Menus: []NamedSelector{
		{Name: "Main menu", Selector: "header nav[aria-label=Primary]"},
		{Name: "Utility", Selector: "nav.util"},
	}})
	var got []string
	for _, m := range p.Menus {
		got = append(got, m.Name+"/"+m.Region+":"+outline(m.Entries))
	}
	want := "Main menu/header:A; Utility/header:U; Breadcrumb/main:Home; /footer:Privacy"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	checkPositions(t, src, p)
	checkSelectors(t, src, p)
}

func TestInvalidSelector(t *testing.T) {
	for _, opt := range []Options{
		{NavSelector: "nav["},
		{HeaderSelector: ">>"},
		{Menus: []NamedSelector{{Name: "x", Selector: "a:bogus"}}},
	} {
		_, err := Parse([]byte("<p>x"), opt)
		if err == nil || !strings.HasPrefix(err.Error(), "invalid selector ") {
			t.Errorf("%+v: err %v", opt, err)
		}
	}
}
