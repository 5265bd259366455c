package htmlpage

import (
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

func TestEntryFields(t *testing.T) {
	type want struct {
		label, text  string
		kind         page.Kind
		hidden, icon bool
		iconLabel    string
	}
	tests := []struct {
		name string
		html string // the first control of the page is checked
		want want
	}{
		{"text", `<a href="/a">  About
		 us </a>`, want{label: "About us", kind: page.KindLink}},
		{"aria-label wins over text", `<a href="/a" aria-label="Go home">Home</a>`,
			want{label: "Go home", text: "Home", kind: page.KindLink}},
		{"blank aria-label ignored", `<a href="/a" aria-label="  ">Home</a>`, want{label: "Home", kind: page.KindLink}},
		{"aria-labelledby wins", `<span id="x">From</span><span id="y">ids</span><a href="/a" aria-labelledby="x y" aria-label="no">Text</a>`,
			want{label: "From ids", text: "Text", kind: page.KindLink}},
		{"image alt", `<a href="/"><img src="l.png" alt="Contoso home"></a>`,
			want{label: "Contoso home", kind: page.KindLink, icon: true, iconLabel: "Contoso home"}},
		{"svg title and text", `<a href="/c"><svg><title>Your Privacy Choices Opt-Out Icon</title><path d=""/></svg><span>Your Privacy Choices</span></a>`,
			want{label: "Your Privacy Choices Opt-Out Icon Your Privacy Choices", text: "Your Privacy Choices", kind: page.KindLink, icon: true, iconLabel: "Your Privacy Choices Opt-Out Icon"}},
		{"icon before the link", `<p><img src="i.svg" alt="opt-out"> <a href="/c">Choices</a></p>`,
			want{label: "Choices", kind: page.KindLink, icon: true, iconLabel: "opt-out"}},
		{"text between icon and link", `<p><img src="i.svg" alt="x"> or <a href="/c">Choices</a></p>`,
			want{label: "Choices", kind: page.KindLink}},
		{"inline svg before the link", `<p><svg aria-hidden="true"><title>t</title></svg><a href="/c">Choices</a></p>`,
			want{label: "Choices", kind: page.KindLink, icon: true, iconLabel: "t"}},
		{"input image alt", `<a href="/s"><input type="image" alt="Search"></a>`, want{label: "Search", kind: page.KindLink}},
		{"hidden descendants and scripts skipped", `<a href="/a">Shop<span aria-hidden="true">→</span><script>x()</script><style>a{}</style></a>`,
			want{label: "Shop", kind: page.KindLink}},
		{"title fallback", `<a href="/a" title="Help"></a>`, want{label: "Help", kind: page.KindLink}},
		{"no name", `<a href="/a"><img src="x.png"></a>`, want{kind: page.KindLink, icon: true}},
		{"button", `<button type="button">Cookie settings</button>`, want{label: "Cookie settings", kind: page.KindButton}},
		{"role button", `<div role="button">Accept</div>`, want{label: "Accept", kind: page.KindButton}},
		{"input button value", `<input type="submit" value="Send">`, want{label: "Send", kind: page.KindButton}},
		{"summary", `<details><summary>More</summary></details>`, want{label: "More", kind: page.KindToggle}},
		{"hidden attribute", `<a href="/a" hidden>A</a>`, want{label: "A", kind: page.KindLink, hidden: true}},
		{"hidden ancestor", `<div style="color:red; display: none"><p><a href="/a">A</a></p></div>`, want{label: "A", kind: page.KindLink, hidden: true}},
		{"visibility hidden ancestor", `<div style="visibility:hidden !important"><a href="/a">A</a></div>`, want{label: "A", kind: page.KindLink, hidden: true}},
		{"aria-hidden ancestor in a region", `<footer><div aria-hidden="true"><a href="/a">A</a></div></footer>`, want{label: "A", kind: page.KindLink, hidden: true}},
		{"hidden region ancestor", `<div hidden><footer><a href="/a">A</a></footer></div>`, want{label: "A", kind: page.KindLink, hidden: true}},
		{"words split by blocks", `<a href="/a"><div>Contact</div><div>us</div></a>`, want{label: "Contact us", kind: page.KindLink}},
		{"entities", `<a href="/a">Terms &amp; conditions&nbsp;</a>`, want{label: "Terms & conditions", kind: page.KindLink}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<!DOCTYPE html><body>" + tt.html
			p := mustParse(t, src, Options{})
			if len(p.Controls) == 0 {
				t.Fatal("no controls")
			}
			e := p.Controls[0]
			got := want{e.Label, e.Text(), e.Kind, e.Hidden, e.Icon, e.IconLabel()}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			checkPositions(t, src, p)
			checkSelectors(t, src, p)
		})
	}
}

func TestTargets(t *testing.T) {
	tests := []struct {
		url, base, href string
		want            string
	}{
		{"/dir/index.html", "", "page.html", "/dir/page.html"},
		{"/dir/index.html", "", "../up.html?q=1#frag", "/up.html?q=1#frag"},
		{"/dir/index.html", "", "#top", "/dir/index.html#top"},
		{"/dir/index.html", "", "", "/dir/index.html"},
		{"/dir/index.html", "/a/b.html", "c.html", "/a/c.html"},
		{"/dir/index.html", "sub/", "c.html", "/dir/sub/c.html"},
		{"https://ex.com/x/y", "", "z?a=b", "https://ex.com/x/z?a=b"},
		{"https://ex.com/x/y", "https://cdn.ex.com/", "/s.css", "https://cdn.ex.com/s.css"},
		{"/dir/index.html", "", "//other.org/p", "//other.org/p"},
		{"/dir/index.html", "", "javascript:void(0)", "javascript:void(0)"},
		{"/dir/index.html", "", "MAILTO:a@b.c", "MAILTO:a@b.c"},
		{"/dir/index.html", "", "tel:+1", "tel:+1"},
		{"/dir/index.html", "", "data:image/png;base64,AA", "data:image/png;base64,AA"},
		{"/dir/index.html", "", "http://[::1:bad", ""},
		{"/dir/index.html", "", " spaced.html ", "/dir/spaced.html"},
	}
	for _, tt := range tests {
		r := urlnorm.NewResolver(tt.url, tt.base)
		if got := r.Target(tt.href); got != tt.want {
			t.Errorf("url %q base %q href %q: got %q, want %q", tt.url, tt.base, tt.href, got, tt.want)
		}
	}
}

func TestUnparseableHrefKeepsHref(t *testing.T) {
	p := mustParse(t, `<nav><a href="http://[::1:bad">x</a></nav>`, Options{})
	e := p.Menus[0].Entries[0]
	if e.Href != "http://[::1:bad" || !e.HasHref || e.Target != "" {
		t.Errorf("got href %q hasHref %v target %q", e.Href, e.HasHref, e.Target)
	}
}

func TestHasHref(t *testing.T) {
	p := mustParse(t, `<nav><a>none</a><a href="">empty</a><a href="#">hash</a></nav>`, Options{})
	var got []bool
	for _, e := range p.Menus[0].Entries {
		got = append(got, e.HasHref)
	}
	if len(got) != 3 || got[0] || !got[1] || !got[2] {
		t.Errorf("hasHref %v", got)
	}
}

func TestControlsShareEntries(t *testing.T) {
	src := `<header><nav><a href="/a">A</a></nav><button>Menu</button></header><main><a href="/b">B</a></main><footer><a href="/p">Privacy</a></footer>`
	p := mustParse(t, src, Options{})
	if len(p.Controls) != 4 {
		t.Fatalf("controls: %s", outline(p.Controls))
	}
	if p.Controls[0] != p.Menus[0].Entries[0] || p.Controls[0] != p.Header.Items[0] {
		t.Error("menu entry, header item and control are not one entry")
	}
	if p.Controls[3] != p.Footer.Items[0] {
		t.Error("footer item and control are not one entry")
	}
	regions := []page.Landmark{page.RegionHeader, page.RegionHeader, page.RegionMain, page.RegionFooter}
	for i, e := range p.Controls {
		if e.Region != regions[i] {
			t.Errorf("control %q region %q, want %q", e.Label, e.Region, regions[i])
		}
	}
	checkPositions(t, src, p)
	checkSelectors(t, src, p)
}
