package htmlpage

import (
	"slices"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// The accessible names of links and buttons, as accname 1.2 computes them
// from content (docs/page-model.md, "Accessible names").
func TestAccessibleNames(t *testing.T) {
	tests := []struct {
		name, html  string // the first control of the page is named
		label, text string
	}{
		{"a descendant's aria-label", `<a href="/"><span class="logo" aria-label="Example home"></span></a>`, "Example home", ""},
		{"a descendant's aria-label over its content", `<a href="/x">Close <span aria-label="dialog">×</span></a>`, "Close dialog", "Close ×"},
		{"a descendant's aria-labelledby", `<span id="l">Weather</span><a href="/w"><i aria-labelledby="l"></i></a>`, "Weather", ""},
		{"amp-img alt", `<a href="/abo"><amp-img src="a.jpg" width="3" height="1" alt="Subscribe" layout="fixed"></amp-img></a>`, "Subscribe", ""},
		{"amp-img without alt", `<a href="/abo"><amp-img src="a.jpg" width="3" height="1"></amp-img></a>`, "", ""},
		{"img with an empty alt", `<a href="/p"><img src="p.jpg" alt=""></a>`, "", ""},
		{"img title", `<a href="/p"><img src="p.jpg" title="Profile"></a>`, "Profile", ""},
		{"input button value", `<a href="/go"><input type="button" value="Go"></a>`, "Go", ""},
		{"input image alt", `<a href="/s"><input type="image" src="s.png" alt="Search"></a>`, "Search", ""},
		{"submit button without value", `<input type="submit">`, "Submit", ""},
		{"submit button with an empty value", `<input type="submit" value="">`, "", ""},
		{"reset button without value", `<input type="reset">`, "Reset", ""},
		{"input button without value", `<input type="button">`, "", ""},
		{"a descendant's title", `<a href="/t"><i class="icon" title="Twitter"></i></a>`, "Twitter", ""},
		{"a descendant's title behind its text", `<a href="/t"><span title="tip">Text</span></a>`, "Text", ""},
		{"labelledby an element with an aria-label", `<span id="x" aria-label="Named"></span><a href="/a" aria-labelledby="x">A</a>`, "Named", "A"},
		{"labelledby a hidden element", `<span id="h" hidden>Secret</span><a href="/a" aria-labelledby="h"></a>`, "Secret", ""},
		{"labelledby an image", `<img id="logo" src="l.png" alt="Contoso"><a href="/" aria-labelledby="logo"></a>`, "Contoso", ""},
		{"labelledby the first of an id in tree order: a table's fostered element stands before it",
			`<table><tr><td><span id="f">Cell</span></td></tr><span id="f">Fostered</span></table><a href="/" aria-labelledby="f"></a>`, "Fostered", ""},
		{"labelledby loops end", `<a href="/" aria-labelledby="a b">X</a><span id="a" aria-labelledby="b">A</span><span id="b" aria-labelledby="a">B</span>`, "A B", "X"},
		{"words in elements apart by white space alone", "<a href=\"/p\"><span>Your</span>\n  <span>Privacy</span> <b>Choices</b></a>", "Your Privacy Choices", ""},
		{"white space alone, a comment, then text", "<a href=\"/p\"><span>Privacy</span>\n<!-- x -->Statement</a>", "Privacy Statement", ""},
		{"white space alone after a hidden element", "<a href=\"/p\"><span>Cookie</span><span hidden>x</span>\n<span>settings</span></a>", "Cookie settings", ""},
		{"white space alone after an element with an aria-label", "<a href=\"/p\"><span aria-label=\"Imprint\">i</span>\n<span>page</span></a>", "Imprint page", "i page"},
		{"white space alone moved with a misnested block", "<a href=\"/p\"><b><div><i>Terms</i>\n<i>of use</i></b></div></a>", "Terms of use", ""},
		{"soft hyphens and zero-width spaces", `<a href="/s">Stu&shy;die&shy;rende und Kon&#8203;takt</a>`, "Studierende und Kontakt", ""},
		{"icon-font glyphs", `<a href="/k"><i class="material-icons">&#xe87d;</i> Mein&nbsp;Kochbuch</a>`, "Mein Kochbuch", ""},
		{"an icon-font glyph alone", `<a href="/k"><i class="material-icons">&#xe87d;</i></a>`, "", ""},
		{"line breaks part words", `<a href="/c">Contact<br>us</a>`, "Contact us", ""},
		{"svg title", `<a href="/rss"><svg><title>RSS feed</title><path d=""/></svg></a>`, "RSS feed", ""},
		{"hidden content", `<a href="/h"><span aria-hidden="true">★</span>Favourites</a>`, "Favourites", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, "<!DOCTYPE html><body>"+tt.html, Options{})
			if len(p.Controls) == 0 {
				t.Fatal("no controls")
			}
			if e := p.Controls[0]; e.Label != tt.label || e.Text() != tt.text {
				t.Errorf("label %q text %q, want %q %q", e.Label, e.Text(), tt.label, tt.text)
			}
		})
	}
}

// What an a element is: a link, a button written as a link, or no control
// at all (docs/page-model.md, "Entries").
func TestAnchorKinds(t *testing.T) {
	tests := []struct {
		name, html string
		kind       page.Kind // zero when the element is no control
		current    bool
	}{
		{"a link", `<a href="/x">X</a>`, page.KindLink, false},
		{"no href", `<a>Kontakt</a>`, page.KindLink, false},
		{"hash", `<a href="#">+</a>`, page.KindLink, false},
		{"a tab without href", `<a role="tab" aria-selected="true">Videos</a>`, page.KindButton, false},
		{"a button to #", `<a href="#" role="button">Search</a>`, page.KindButton, false},
		{"a button role among others", `<a href="#" role="button link">Search</a>`, page.KindButton, false},
		{"a switch to javascript:", `<a href="JavaScript:toggle()" role="switch">Dark mode</a>`, page.KindButton, false},
		{"a closed disclosure", `<a href="#" aria-expanded="false">Menu</a>`, page.KindButton, false},
		{"a popup", `<a href="javascript:void(0)" aria-haspopup="true">More</a>`, page.KindToggle, false},
		{"no popup", `<a href="#" aria-haspopup="false">More</a>`, page.KindLink, false},
		{"controls a panel", `<a href="" aria-controls="panel">Filters</a>`, page.KindToggle, false},
		{"a script's toggle", `<a href="#" data-toggle="dropdown">Topics</a>`, page.KindButton, false},
		{"a script's target", `<a href="#" data-bs-target="#nav">Topics</a>`, page.KindButton, false},
		{"a script's toggle with a real href is a link", `<a href="/topics" data-toggle="dropdown">Topics</a>`, page.KindLink, false},
		{"a button role with a real href is a link", `<a href="/shop" role="button">Shop</a>`, page.KindLink, false},
		{"a menuitem is a link", `<a href="#" role="menuitem">Item</a>`, page.KindLink, false},
		{"an option of a picker", `<a data-value="internal">This wiki</a>`, page.KindButton, false},
		{"a fragment target", `<a id="top"></a><a href="/x">X</a>`, page.KindLink, false},
		{"a named fragment target", `<a name="start"> </a>`, 0, false},
		{"the current page", `<a aria-current="page">Here</a>`, page.KindLink, true},
		{"a current step", `<a href="/2" aria-current="step">Step 2</a>`, page.KindLink, true},
		{"not current", `<a href="/1" aria-current="false">Step 1</a>`, page.KindLink, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, "<!DOCTYPE html><body>"+tt.html, Options{})
			if tt.kind == 0 {
				if len(p.Controls) != 0 {
					t.Errorf("controls %s, want none", outline(p.Controls))
				}
				return
			}
			if len(p.Controls) == 0 {
				t.Fatal("no controls")
			}
			if e := p.Controls[0]; e.Kind != tt.kind || e.Current != tt.current {
				t.Errorf("kind %q current %v, want %q %v", e.Kind, e.Current, tt.kind, tt.current)
			}
		})
	}
}

// Links hidden, in a template's content, or cut short by a nested link.
func TestLinkPlaces(t *testing.T) {
	src := "<!DOCTYPE html><body>\n" +
		`<template><a href="/t">T</a><button>B</button></template>` + "\n" +
		`<noscript><a href="/n">N</a></noscript>` + "\n" +
		`<a href="/h" hidden>H</a><div aria-hidden="true"><a href="/a">A</a></div><div style="display: none"><a href="/d">D</a></div>` + "\n" +
		`<a href="/outer"><div><a href="/inner">In</a></div></a>` + "\n" +
		`<a href="/v">V</a>`
	p := mustParse(t, src, Options{})
	type link struct {
		href   string
		hidden bool
		nested page.Pos
	}
	var got []link
	for _, l := range p.Links {
		k := link{href: l.Href, hidden: l.Hidden}
		if n := l.NestedLink(); n != nil {
			k.nested = *n
		}
		got = append(got, k)
	}
	want := []link{{"/h", true, page.Pos{}}, {"/a", true, page.Pos{}}, {"/d", true, page.Pos{}},
		{"/outer", false, page.Pos{Line: 5, Column: 23}}, {"/inner", false, page.Pos{}}, {"/v", false, page.Pos{}}}
	if !slices.Equal(got, want) {
		t.Errorf("links\n got %+v\nwant %+v", got, want)
	}
	for _, e := range p.Controls {
		if e.Label == "T" || e.Label == "B" || e.Label == "N" {
			t.Errorf("control %q of a template or noscript", e.Label)
		}
	}
}

// Copyright notices: what counts, and how it is quoted (docs/rules.md,
// footer-copyright).
func TestCopyrightNotices(t *testing.T) {
	tests := []struct {
		name, footer string
		want         []string
	}{
		{"link labels that name a page",
			`<a href="/i">Impressum und Copyright</a> <a href="/c">Copyright policy</a> <a href="/p">© Copyright</a>`, nil},
		{"a link that is a notice", `<a href="/ogl">© Crown copyright</a>`, []string{"© Crown copyright"}},
		{"a link with the word and a year", `<a href="/c">Copyright 2024 Contoso</a>`, []string{"Copyright 2024 Contoso"}},
		{"a heading alone", `<h4>Copyright</h4>`, nil},
		{"an owner without a year", `<p>© Example Publishing Ltd</p>`, []string{"© Example Publishing Ltd"}},
		{"a mark in its own element", `<p><span>©</span> 2024 Contoso</p>`, []string{"© 2024 Contoso"}},
		{"the owner a link", `<p>© <a href="/">Example Corp</a> 2024</p>`, []string{"© Example Corp 2024"}},
		{"a line break", `<p>Copyright &copy; 2020 Example Inc.<br>All rights reserved.</p>`,
			[]string{"Copyright © 2020 Example Inc. All rights reserved."}},
		{"a wordmark glued to the mark", `<div><span class="wordmark">EXAMPLE</span>© 2020 Example Broadcasting Inc.</div>`,
			[]string{"© 2020 Example Broadcasting Inc."}},
		{"an owner before the mark", `<p><b>Example Corp</b> © 2021</p>`, []string{"Example Corp © 2021"}},
		{"a bar of links after it", `<div>Copyright © 2020, Example Times | <a href="/tos">Terms of Service</a> | <a href="/ca">California notice</a></div>`,
			[]string{"Copyright © 2020, Example Times"}},
		{"legalese after it", `<p>© 2020 Example Media. All rights reserved. By using this site you agree to our <a href="/t">User Agreement</a>.</p>`,
			[]string{"© 2020 Example Media. All rights reserved."}},
		{"the year in the next part", `<p>© Example GmbH · 2023 · <a href="/i">Impressum</a></p>`, []string{"© Example GmbH 2023"}},
		{"reserved in German", `<p>© 2021 Beispiel AG. Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung.</p>`,
			[]string{"© 2021 Beispiel AG. Alle Rechte vorbehalten."}},
		{"a long notice cut at a word",
			`<p>© Example Publishing Limited, 1 Sample Street, Exampletown, Examplecounty EX1 2MP, United Kingdom of Great Britain</p>`,
			[]string{"© Example Publishing Limited, 1 Sample Street, Exampletown, Examplecounty EX1…"}},
		{"hidden text left out", `<p>© 2024 Contoso<span hidden> (draft)</span></p>`, []string{"© 2024 Contoso"}},
		{"two notices", `<p>© 2019 Contoso</p><p>Portions © 2026 Fabrikam</p>`, []string{"© 2019 Contoso", "Portions © 2026 Fabrikam"}},
		{"soft hyphens", `<p>© 2024 Bun&shy;des&shy;amt</p>`, []string{"© 2024 Bundesamt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, "<!DOCTYPE html><body><main>x</main><footer>"+tt.footer+"</footer>", Options{})
			var got []string
			for _, c := range p.Footer.Copyright {
				got = append(got, c.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("notices %q, want %q", got, tt.want)
			}
		})
	}
}

// The attribute by which a framework's script names a control that has no
// name in the source (issue 12, F16), beside controls with a name or with
// bindings of something else.
func TestNamedBy(t *testing.T) {
	tests := []struct {
		name, html string // the first control of the page
		namedBy    string
	}{
		{"knockout text", `<a href="#" data-bind="attr: { id: x }, text: loginText"></a>`, "data-bind"},
		{"knockout text on a span inside", `<a href="javascript:void(0)"><span data-bind="  text: label"></span></a>`, "data-bind"},
		{"knockout attr title", `<a href="/s" data-bind="attr: {title : settings.text }"></a>`, "data-bind"},
		{"knockout bindings of something else", `<a href="/s" data-bind="visible: shown, click: open"><img src="a.png"></a>`, ""},
		{"vue v-text", `<a href="/c" v-text="cartLabel"></a>`, "v-text"},
		{"vue :aria-label", `<button type="button" :aria-label="likeLabel"><svg></svg></button>`, ":aria-label"},
		{"vue v-bind:title", `<button type="button" v-bind:title="t"></button>`, "v-bind:title"},
		{"alpine x-text", `<button type="button" x-text="more"></button>`, "x-text"},
		{"angularjs ng-bind", `<a href="/h" ng-bind="helpText"></a>`, "ng-bind"},
		{"angular [attr.aria-label]", `<button type="button" [attr.aria-label]="share"></button>`, "[attr.aria-label]"},
		{"amp [text]", `<button type="button" [text]="state.label"></button>`, "[text]"},
		{"data-label texts a player's script copies", `<a role="button" data-label-hidden="collapse video player"><span></span></a>`, "data-label-hidden"},
		{"a binding inside hidden content names nothing", `<a href="/x"><span hidden v-text="l"></span></a>`, ""},
		{"a control with a name needs none", `<a href="/x" v-text="label">Cart</a>`, ""},
		{"no binding", `<a href="/x"></a>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, "<!DOCTYPE html><body>"+tt.html, Options{})
			if len(p.Controls) == 0 {
				t.Fatal("no controls")
			}
			if got := p.Controls[0].NamedBy(); got != tt.namedBy {
				t.Errorf("namedBy %q, want %q", got, tt.namedBy)
			}
		})
	}
}
