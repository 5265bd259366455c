package htmlpage

import (
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// menuCase is a page's body and the outline of each of its menus, "; "
// between menus.
type menuCase struct {
	name, html, want string
}

// runMenuCases parses each case's page and compares the outline of its
// menus, checking every position and selector of the model.
func runMenuCases(t *testing.T, cases []menuCase, outlineOf func([]*page.Entry) string) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			src := "<!DOCTYPE html><html><body>" + tt.html + "</body></html>"
			p := mustParse(t, src, Options{})
			var got []string
			for _, m := range p.Menus {
				got = append(got, outlineOf(m.Entries))
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("menus:\n got %s\nwant %s", g, tt.want)
			}
			checkPositions(t, src, p)
			checkSelectors(t, src, p)
		})
	}
}

func TestMenuShapes(t *testing.T) {
	runMenuCases(t, []menuCase{
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
	}, outline)
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
		got = append(got, m.Name+"/"+m.Region.String()+":"+outline(m.Entries))
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

// TestMenuReading: the shapes real menus take, read as a reader sees them
// (readerOutline: Name[kind]@group~control=copy!hidden{children}).
func TestMenuReading(t *testing.T) {
	runMenuCases(t, []menuCase{
		{"button and its panel outside a list",
			`<nav><button>Recipes</button><div><ul><li><a href="/r">All</a></li></ul></div><button>Magazine</button><div><a href="/m">Home</a></div></nav>`,
			`Recipes[toggle]{All}, Magazine[toggle]{Home}`},
		{"a menu button before the whole list stays a control",
			`<nav><button aria-controls="l">Menu</button><ul id="l"><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav>`,
			`Menu[toggle]~toggle, A, B`},
		{"a button named otherwise owns its panel",
			`<nav><button aria-controls="l">Products</button><ul id="l"><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav>`,
			`Products[toggle]{A, B}`},
		{"a head block of a link and its toggle",
			`<nav><div><div><a href="/s">Show</a><button aria-expanded="false" aria-label="Open"></button></div><div><a href="/s/1">One</a></div></div></nav>`,
			`Show{One}, Open[button]~toggle`},
		{"a lone link before a list is no parent",
			`<nav><a href="/">Home</a><ul><li><a href="/a">A</a></li></ul></nav>`,
			`Home, A`},
		{"a text label before a panel heads it",
			`<nav><div>Explore</div><div><ul><li><a href="/x">X</a></li></ul></div></nav>`,
			`X@Explore`},
		{"a heading item beside its list",
			`<nav><ul><li><a href="/i">index</a></li><li class="h">about</li><ul><li><a href="/about/">index</a></li></ul><li><a href="/z">z</a></li></ul></nav>`,
			`index, index@about, z`},
		{"a toggle and a + beside their entries",
			`<nav><ul><li><a href="/s">Species</a><button aria-expanded="false" aria-label="Toggle"></button><div><ul><li><a href="/s/i">Insects</a></li></ul></div></li>
			<li><a href="/d">Donate</a><ul><li><a href="/d/o">Online</a></li></ul><a href="#">+</a></li></ul></nav>`,
			`Species{Insects}, Toggle[toggle]~toggle, Donate{Online}, +~toggle`},
		{"an icon toggle before the item's link",
			`<nav><ul><li><button aria-expanded="false" aria-label="Expand"></button><a href="/p">Products</a><ul><li><a href="/p/c">Cloud</a></li></ul></li></ul></nav>`,
			`Expand[toggle]~toggle, Products{Cloud}`},
		{"a toggle named by the label beside it",
			`<nav><ul><li><span>Topics</span><button aria-expanded="false" aria-label="Toggle navigation"></button><div><ul><li><a href="/t">T</a></li></ul></div></li></ul></nav>`,
			`Topics[toggle]{T}`},
		{"back and close buttons, skip links, form buttons",
			`<nav id="n"><button>Recipes</button><div><button>‹ Recipes</button><ul><li><a href="/r">All</a></li></ul><button>Close menu</button><a href="#n">Back to the menus</a></div>
			<form><input name="q"><button>Search</button><input type="submit" value="Go"></form></nav>`,
			`Recipes[toggle]{‹ Recipes[button]~close, All, Close menu[button]~close, Back to the menus~skip}, Search[button]~form, Go[button]~form`},
		{"a fragment link to a section is an entry",
			`<nav><a href="#intro">Introduction</a><a href="#main">Skip to content</a></nav><main id="main"><h2 id="intro">Intro</h2></main>`,
			`Introduction, Skip to content~skip`},
		{"copies of a list side by side",
			`<nav><ul><li><a href="/n">News</a><ul><li><a href="/n/w">World</a></li><li><a href="/n/l">Local</a></li></ul><ul><li><a href="/n/w">World</a></li><li><a href="/n/l">Local</a></li></ul></li></ul></nav>`,
			`News{World, Local, World=copy, Local=copy}`},
		{"one entry twice is no copy",
			`<nav><ul><li><a href="/a">A</a></li></ul><ul><li><a href="/a">A</a></li></ul></nav>`,
			`A, A`},
		{"a More toggle repeats entries of the bar",
			`<nav><ul><li><a href="/n">News</a></li><li><a href="/w">Weather</a></li><li><button>More</button><ul><li><a href="/w">Weather</a></li><li><a href="/t">Travel</a></li></ul></li></ul></nav>`,
			`News, Weather, More[toggle]{Weather=copy, Travel}`},
		{"a panel that repeats the tail of its bar",
			`<nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li><li><button>All</button><ul><li><a href="/b">B</a></li><li><a href="/c">C</a></li><li><a href="/d">D</a></li></ul></li></ul></nav>`,
			`A, B, C, All[toggle]{B=copy, C=copy, D}`},
		{"one entry cross-listed under a section is no overflow",
			`<nav><ul><li><a href="/a">A</a></li><li><button>Guides</button><ul><li><a href="/a">A</a></li><li><a href="/g">G</a></li></ul></li></ul></nav>`,
			`A, Guides[toggle]{A, G}`},
		{"hidden by AMP until access is checked",
			`<nav><ul><li amp-access-hide><a href="/login">Log in</a></li></ul></nav>`,
			`Log in!hidden`},
		{"a template's content is no part of the page",
			`<nav><a href="/a">A</a><template><a href="/b">B</a></template></nav>`,
			`A`},
	}, readerOutline)
}

// TestSiblingHeadingsInFooter: a footer's columns are titled by short text
// before their lists; sentences and notices title nothing.
func TestSiblingHeadingsInFooter(t *testing.T) {
	src := `<!DOCTYPE html><body><footer>
<div><div class="title">Style</div><ul><li><a href="/v">Videos</a></li></ul></div>
<div><p>We are a small team.</p><ul><li><a href="/t">Team</a></li></ul></div>
<div><span>© 2026 Example</span><div><a href="/p">Privacy</a></div></div>
</footer>`
	p := mustParse(t, src, Options{})
	var got []string
	for _, e := range p.Footer.Items {
		got = append(got, readerEntry(e))
	}
	if g, want := strings.Join(got, ", "), "Videos@Style, Team, Privacy"; g != want {
		t.Errorf("footer:\n got %s\nwant %s", g, want)
	}
	for _, l := range mustParse(t, `<body><footer><a href="/a">A</a><template><a href="/b"></a></template></footer>`, Options{}).Links {
		if l.Href == "/b" {
			t.Errorf("a link of a template's content is listed: %+v", l)
		}
	}
}
