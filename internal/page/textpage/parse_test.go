package textpage

import "testing"

// TestParse runs small snapshots, one feature each, and compares the whole
// model (as an outline) with what the feature must produce.
func TestParse(t *testing.T) {
	runOutlineCases(t, "/dir/page.html", []outlineCase{
		{
			name: "dash bullets nest by indentation",
			in:   "Menu\n\n- Home\n- Products\n  - Cloud\n    - Storage\n  - Devices\n- Support\n\n# Title\n",
			want: `title "Title"
menu "Menu" header 3:3
  text "Home" 3:3
  text "Products" 4:3
    text "Cloud" 5:5
      text "Storage" 6:7
    text "Devices" 7:5
  text "Support" 8:3
header 3:3
  items 6
footer none
link header 3:3 "Home"
link header 4:3 "Products"
link header 5:5 "Cloud"
link header 6:7 "Storage"
link header 7:5 "Devices"
link header 8:3 "Support"
controls 6
`,
		},
		{
			name: "tabs indent",
			in:   "* Home\n\t* Sub\n* Next\n\n# T\n",
			want: `title "T"
menu "" header 1:3
  text "Home" 1:3
    text "Sub" 2:4
  text "Next" 3:3
header 1:3
  items 3
footer none
link header 1:3 "Home"
link header 2:4 "Sub"
link header 3:3 "Next"
controls 3
`,
		},
		{
			name: "row of empty items",
			in:   "# T\n\nFollow us\n\n  *   *   * \n",
			want: `title "T"
header none
footer none
link main 5:3 ""
link main 5:7 ""
link main 5:11 ""
controls 3
`,
		},
		{
			name: "thematic break is no list",
			in:   "* * *\n\n# T\n\n- a\n",
			want: `title "T"
header none
footer none
link main 5:3 "a"
controls 1
`,
		},
		{
			name: "setext heading ends the header",
			in:   "- Home\n- About\n\nWelcome\n=======\n\n- Body link\n",
			want: `title "Welcome"
menu "" header 1:3
  text "Home" 1:3
  text "About" 2:3
header 1:3
  items 2
footer none
link header 1:3 "Home"
link header 2:3 "About"
link main 7:3 "Body link"
controls 3
`,
		},
		{
			name: "heading inside a list groups the items under it",
			in:   "- Shop\n  - ## Devices\n    - Phones\n    - Tablets\n  - ## Services\n    - Cloud\n\n# T\n",
			want: `title "T"
menu "Shop" header 1:3
  toggle "Shop" 1:3
    text "Phones" 3:7 group="Devices"
    text "Tablets" 4:7 group="Devices"
    text "Cloud" 6:7 group="Services"
header 1:3
  items 4
footer none
link header 3:7 "Phones"
link header 4:7 "Tablets"
link header 6:7 "Cloud"
controls 4
`,
		},
		{
			name: "heading without children groups its siblings",
			in:   "- All\n  - ### Devices\n  - Phones\n  - Tablets\n\n# T\n",
			want: `title "T"
menu "All" header 1:3
  toggle "All" 1:3
    text "Phones" 3:5 group="Devices"
    text "Tablets" 4:5 group="Devices"
header 1:3
  items 3
footer none
link header 3:5 "Phones"
link header 4:5 "Tablets"
controls 3
`,
		},
		{
			name: "doubled toggle",
			in:   "- Products Products\n  - Cloud\n- Support Support\n\n# T\n",
			want: `title "T"
menu "" header 1:3
  toggle "Products" 1:3
    text "Cloud" 2:5 group="Products"
  text "Support Support" 3:3
header 1:3
  items 3
footer none
link header 2:5 "Cloud"
link header 3:3 "Support Support"
controls 3
`,
		},
		{
			name: "doubled label without submenu stays",
			in:   "- Bora Bora\n\n# T\n",
			want: `title "T"
menu "" header 1:3
  text "Bora Bora" 1:3
header 1:3
  items 1
footer none
link header 1:3 "Bora Bora"
controls 1
`,
		},
		{
			name: "search suggestions are no menu",
			in:   "Search Search contoso.com\n\n  * No results\n\nMenu\n\n  * Home\n\n# T\n",
			want: `title "T"
menu "Menu" header 7:5
  text "Home" 7:5
header 7:5
  items 1
footer none
link header 7:5 "Home"
controls 1
`,
		},
		{
			name: "crlf and bom",
			in:   "\ufeffMenu\r\n\r\n* Home\r\n* About\r\n\r\n# Title\r\n",
			want: `title "Title"
menu "Menu" header 3:3
  text "Home" 3:3
  text "About" 4:3
header 3:3
  items 2
footer none
link header 3:3 "Home"
link header 4:3 "About"
controls 2
`,
		},
		{
			name: "lynx references",
			in:   "     * [1]Home\n     * [2]About\n\n   Welcome to the site of Contoso, which is here.\n\nReferences\n\n   1. https://contoso.example/\n   2. https://contoso.example/about/\n",
			want: `title ""
menu "" header 1:11
  text "Home" 1:11 href="https://contoso.example/" target="https://contoso.example/"
  text "About" 2:11 href="https://contoso.example/about/" target="https://contoso.example/about/"
header 1:11
  items 2
footer none
link header 1:11 "Home" href="https://contoso.example/" target="https://contoso.example/"
link header 2:11 "About" href="https://contoso.example/about/" target="https://contoso.example/about/"
controls 2
`,
		},
		{
			name: "lynx reference list not numbered list",
			in:   "Intro\n\n1. One\n2. Two\n\nReferences\n\n   1. https://a.example/\n   2. https://b.example/\n",
			want: `title ""
menu "Intro" header 3:4
  text "One" 3:4
  text "Two" 4:4
header 3:4
  items 2
footer none
link header 3:4 "One"
link header 4:4 "Two"
controls 2
`,
		},
		{
			name: "references title without refs is text",
			in:   "- a\n\nReferences\n\nsome text\n",
			want: `title ""
menu "" header 1:3
  text "a" 1:3
header 1:3
  items 1
footer none
link header 1:3 "a"
controls 1
`,
		},
		{
			name: "markdown reference links",
			in:   "- [Home][h]\n- [About][]\n\n# T\n\n[h]: /\n[about]: /about/ \"About us\"\n",
			want: `title "T"
menu "" header 1:4
  text "Home" 1:4 href="/" target="/"
  text "About" 2:4 href="/about/" target="/about/"
header 1:4
  items 2
footer none
link header 1:4 "Home" href="/" target="/"
link header 2:4 "About" href="/about/" target="/about/"
controls 2
`,
		},
		{
			name: "escaped brackets are text",
			in:   "- \\[beta\\] Tools\n\n# T\n",
			want: `title "T"
menu "" header 1:4
  text "[beta] Tools" 1:4
header 1:4
  items 1
footer none
link header 1:4 "[beta] Tools"
controls 1
`,
		},
		{
			name: "link with image only has its alt",
			in:   "# T\n\n- [![Facebook](/fb.svg)](https://facebook.example/contoso)\n- [](https://x.example/contoso)\n",
			want: `title "T"
header none
footer none
link main 3:6 "Facebook" href="https://facebook.example/contoso" target="https://facebook.example/contoso"
link main 4:3 "" href="https://x.example/contoso" target="https://x.example/contoso"
controls 2
`,
		},
		{
			name: "wrapped item continues",
			in:   "# T\n\nFoot\n\n     * A long item\n       that wraps\n     * Next\n",
			want: `title "T"
header none
footer none
link main 5:8 "A long item that wraps"
link main 7:8 "Next"
controls 2
`,
		},
		{
			name: "footer without columns is the copyright block",
			in:   "- Home\n\n# T\n\nBody text that is long enough to be prose in here.\n\n- Privacy\n- Terms\n\n© 2025 Contoso\n",
			want: `title "T"
menu "" header 1:3
  text "Home" 1:3
header 1:3
  items 1
footer 7:1
  text "Privacy" 7:3
  text "Terms" 8:3
  copyright "© 2025 Contoso" 10:1
link header 1:3 "Home"
link footer 7:3 "Privacy"
link footer 8:3 "Terms"
controls 3
`,
		},
		{
			name: "no footer without copyright or columns",
			in:   "- Home\n\n# T\n\nBody text that is long enough to be prose in here.\n",
			want: `title "T"
menu "" header 1:3
  text "Home" 1:3
header 1:3
  items 1
footer none
link header 1:3 "Home"
controls 1
`,
		},
		{
			name: "copyright word and (c)",
			in:   "- Home\n\n# T\n\nA\n\n- x\n- y\n\nB\n\n- z\n\nCopyright (c) 2020-2024 Contoso\n",
			want: `title "T"
menu "" header 1:3
  text "Home" 1:3
header 1:3
  items 1
footer 5:1
  text "x" 7:3 group="A"
  text "y" 8:3 group="A"
  text "z" 12:3 group="B"
  copyright "Copyright © 2020-2024 Contoso" 14:1
link header 1:3 "Home"
link footer 7:3 "x"
link footer 8:3 "y"
link footer 12:3 "z"
controls 4
`,
		},
		{
			name: "no top-level heading: first heading ends header",
			in:   "- Home\n\n## Section\n\n- body\n",
			want: `title ""
menu "" header 1:3
  text "Home" 1:3
header 1:3
  items 1
footer none
link header 1:3 "Home"
link main 5:3 "body"
controls 2
`,
		},
		{
			name: "no heading: prose ends header",
			in:   "- Home\n- About\n\nThis sentence is body text of the page.\n\n- body\n",
			want: `title ""
menu "" header 1:3
  text "Home" 1:3
  text "About" 2:3
header 1:3
  items 2
footer none
link header 1:3 "Home"
link header 2:3 "About"
link main 6:3 "body"
controls 3
`,
		},
		{
			name: "only lists",
			in:   "- Home\n- About\n",
			want: `title ""
menu "" header 1:3
  text "Home" 1:3
  text "About" 2:3
header 1:3
  items 2
footer none
link header 1:3 "Home"
link header 2:3 "About"
controls 2
`,
		},
		{
			name: "suppressions",
			in:   "<!-- pagelint-disable-next-line link-no-text -- icons -->\n\n- \n<!-- pagelint-disable menu-duplicate, nav-required -->\n- a\n- a\n<!-- pagelint-enable menu-duplicate -->\n<!-- pagelint-disable -->\n- b\n<!-- just a comment -->\n\n# T\n",
			want: `title "T"
menu "" header 3:1
  text "" 3:1
  text "a" 5:3
  text "a" 6:3
  text "b" 9:3
header 3:1
  items 4
footer none
link header 3:1 ""
link header 5:3 "a"
link header 6:3 "a"
link header 9:3 "b"
controls 4
suppress [link-no-text] 3-3
suppress [menu-duplicate] 4-7
suppress [nav-required] 4-12
suppress [] 8-12
`,
		},
		{
			name: "legal line with icon phrase between names",
			in:   "# T\n\nA\n\n- x\n\nB\n\n- y\n\nSitemap Your Privacy Choices Opt-Out Icon Your Privacy Choices Contact us\n© 2025 C\n",
			want: `title "T"
header none
footer 3:1
  text "x" 5:3 group="A"
  text "y" 9:3 group="B"
  text "Sitemap" 11:1
  text "Your Privacy Choices Opt-Out Icon Your Privacy Choices" 11:9 text="Your Privacy Choices" icon="Your Privacy Choices Opt-Out Icon"
  text "Contact us" 11:64
  copyright "© 2025 C" 12:1
link footer 5:3 "x"
link footer 9:3 "y"
link footer 11:1 "Sitemap"
link footer 11:9 "Your Privacy Choices Opt-Out Icon Your Privacy Choices"
link footer 11:64 "Contact us"
controls 5
`,
		},
		{
			name: "legal line without phrase gives no items",
			in:   "# T\n\nA\n\n- x\n\nB\n\n- y\n\nEnglish (United States) Privacy Terms Trademarks\n",
			want: `title "T"
header none
footer 3:1
  text "x" 5:3 group="A"
  text "y" 9:3 group="B"
link footer 5:3 "x"
link footer 9:3 "y"
controls 2
`,
		},
		{
			name: "fenced code is text",
			in:   "# T\n\n```\n- a\n# b\n\n```\n\n- real\n",
			want: `title "T"
header none
footer none
link main 9:3 "real"
controls 1
`,
		},
		{
			name: "each marked link of an item is an entry",
			in:   "- [Privacy](/privacy/) | [Terms](/terms/)\n  - [Sub](sub.html)\n- [Home](/) and [more](/more/)\n\n# T\n",
			want: `title "T"
menu "" header 1:4
  text "Privacy" 1:4 href="/privacy/" target="/privacy/"
    text "Sub" 2:6 href="sub.html" target="/dir/sub.html"
  text "Terms" 1:27 href="/terms/" target="/terms/"
  text "Home" 3:4 href="/" target="/"
  text "more" 3:18 href="/more/" target="/more/"
header 1:4
  items 5
footer none
link header 1:4 "Privacy" href="/privacy/" target="/privacy/"
link header 1:27 "Terms" href="/terms/" target="/terms/"
link header 2:6 "Sub" href="sub.html" target="/dir/sub.html"
link header 3:4 "Home" href="/" target="/"
link header 3:18 "more" href="/more/" target="/more/"
controls 5
`,
		},
		{
			name: "wide-set stars are empty items, not a break",
			in:   "# T\n\nFollow us\n\n*   *   *\n",
			want: `title "T"
header none
footer none
link main 5:1 ""
link main 5:5 ""
link main 5:9 ""
controls 3
`,
		},
		{
			name: "mega-menu amid a list's own items",
			in:   "Top\n\n- ### Shop\n- Phones\n- Mega\n  - ## G\n    - a\n  - b\n- After\n\n# T\n",
			want: `title "T"
menu "Top" header 4:3
  text "Phones" 4:3 group="Shop"
  text "After" 9:3
menu "Mega" header 5:3
  toggle "Mega" 5:3
    text "a" 7:7 group="G"
    text "b" 8:5
header 4:3
  items 5
footer none
link header 4:3 "Phones"
link header 7:7 "a"
link header 8:5 "b"
link header 9:3 "After"
controls 5
`,
		},
	})
}

// outlineCase is a snapshot and the outline of the model it must give.
type outlineCase struct {
	name, in, want string
}

// runOutlineCases parses each case's snapshot as the page at url and
// compares the outline of its model.
func runOutlineCases(t *testing.T, url string, tests []outlineCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.in), Options{Source: "x", URL: url})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := outline(p); got != tt.want {
				t.Errorf("outline:\n%s", diffLines(tt.want, got))
			}
		})
	}
}
