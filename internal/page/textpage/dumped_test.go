package textpage

import "testing"

// TestParseDumps reads small dumps in the shapes lynx and w3m write
// (modelled on real dumps of fixtures/text-dump-*), one feature each, and
// compares the whole model with what the feature must produce. The real
// programs' dumps are read by TestRealDumps.
func TestParseDumps(t *testing.T) {
	runOutlineCases(t, "https://c.example/", []outlineCase{
		{
			name: "html2text's two-space stars stay Markdown: a list goes on across blank lines",
			in: "  * Home\n" +
				"\n" +
				"  * About\n" +
				"\n" +
				"# Title\n",
			want: `title "Title"
menu "" header 1:5
  text "Home" 1:5
  text "About" 3:5
header 1:5
  items 2
footer none
link header 1:5 "Home"
link header 3:5 "About"
controls 2
`,
		},
		{
			name: "lynx -list_inline: links written with their URL",
			in: "   [https://c.example/]Logo\n" +
				"     * [https://c.example/]Home\n" +
				"     * [https://c.example/products/cloud.html#pricing-and-plans-abc]Pricin\n" +
				"       g\n" +
				"     * [https://social.example/c]\n" +
				"     * [mailto:sales@c.example]Write to\n" +
				"       sales\n" +
				"\n" +
				"                                    Welcome\n",
			want: `title "Welcome"
menu "" header 2:28
  text "Home" 2:28 href="https://c.example/" target="https://c.example/"
  text "Pricing" 3:69 href="https://c.example/products/cloud.html#pricing-and-plans-abc" target="https://c.example/products/cloud.html#pricing-and-plans-abc"
  text "" 5:8 href="https://social.example/c" target="https://social.example/c"
  text "Write to sales" 6:32 href="mailto:sales@c.example" target="mailto:sales@c.example"
header 1:24
  items 5
footer none
link header 1:24 "Logo" href="https://c.example/" target="https://c.example/"
link header 2:28 "Home" href="https://c.example/" target="https://c.example/"
link header 3:69 "Pricing" href="https://c.example/products/cloud.html#pricing-and-plans-abc" target="https://c.example/products/cloud.html#pricing-and-plans-abc"
link header 6:32 "Write to sales" href="mailto:sales@c.example" target="mailto:sales@c.example"
controls 5
`,
		},
		{
			name: "lynx -nolist: items without targets, header text no entries",
			in: "   Skip to main content Logo\n" +
				"     * Home\n" +
				"     * (BUTTON) Products\n" +
				"          + All\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"   See our products or read our history.\n" +
				"\n" +
				"Company\n" +
				"\n" +
				"     * About\n" +
				"\n" +
				"   © 2025 Contoso\n",
			want: `title "Welcome"
menu "" header 2:8
  text "Home" 2:8
  toggle "Products" 3:17
    text "All" 4:13
header 2:8
  items 3
footer 10:1
  text "About" 12:8 group="Company"
  copyright "© 2025 Contoso" 14:4
link header 2:8 "Home"
link header 4:13 "All"
link footer 12:8 "About"
controls 4
`,
		},
		{
			name: "lynx: a body list of plain points is no footer column",
			in: "     * [1]Home\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"Why us\n" +
				"\n" +
				"     * Fast delivery\n" +
				"     * Two-year warranty\n" +
				"\n" +
				"Company\n" +
				"\n" +
				"     * [2]About\n" +
				"\n" +
				"   © 2025 Contoso\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/about\n",
			want: `title "Welcome"
menu "" header 1:11
  text "Home" 1:11 href="https://c.example/" target="https://c.example/"
header 1:11
  items 1
footer 10:1
  text "About" 12:11 group="Company" href="https://c.example/about" target="https://c.example/about"
  copyright "© 2025 Contoso" 14:4
link header 1:11 "Home" href="https://c.example/" target="https://c.example/"
link footer 12:11 "About" href="https://c.example/about" target="https://c.example/about"
controls 2
`,
		},
		{
			name: "lynx: buttons and toggles, headings, lists set apart, references",
			in: "   [1]Logo\n" +
				"     * [2]Home\n" +
				"     * (BUTTON) Products\n" +
				"          + [3]All\n" +
				"     * [4]Support\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"   Text of the page goes on for a while here.\n" +
				"\n" +
				"Company\n" +
				"\n" +
				"     * [5]About\n" +
				"\n" +
				"     * [6]Privacy\n" +
				"     * (BUTTON) Cookie settings\n" +
				"     *\n" +
				"\n" +
				"   © 2025 Contoso\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   Visible links:\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/\n" +
				"   3. https://c.example/all/\n" +
				"   4. https://c.example/support/\n" +
				"   5. https://c.example/about/\n" +
				"   6. https://c.example/privacy/\n" +
				"\n" +
				"   Hidden links:\n" +
				"   8. https://social.example/c\n",
			want: `title "Welcome"
menu "" header 2:11
  text "Home" 2:11 href="https://c.example/" target="https://c.example/"
  toggle "Products" 3:17
    text "All" 4:16 href="https://c.example/all/" target="https://c.example/all/"
  text "Support" 5:11 href="https://c.example/support/" target="https://c.example/support/"
header 1:7
  items 5
footer 11:1
  text "About" 13:11 group="Company" href="https://c.example/about/" target="https://c.example/about/"
  text "Privacy" 15:11 href="https://c.example/privacy/" target="https://c.example/privacy/"
  button "Cookie settings" 16:17
  text "" 17:6
  copyright "© 2025 Contoso" 19:4
link header 1:7 "Logo" href="https://c.example/" target="https://c.example/"
link header 2:11 "Home" href="https://c.example/" target="https://c.example/"
link header 4:16 "All" href="https://c.example/all/" target="https://c.example/all/"
link header 5:11 "Support" href="https://c.example/support/" target="https://c.example/support/"
link footer 13:11 "About" href="https://c.example/about/" target="https://c.example/about/"
link footer 15:11 "Privacy" href="https://c.example/privacy/" target="https://c.example/privacy/"
controls 9
`,
		},
		{
			name: "lynx: the column headings of a mega-menu group its items",
			in: "     * [1]Home\n" +
				"     * (BUTTON) Products\n" +
				"\n" +
				"Software\n" +
				"          + [2]Office\n" +
				"          + [3]Studio\n" +
				"\n" +
				"Devices\n" +
				"          + [4]Laptops\n" +
				"     * [5]Support\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/office\n" +
				"   3. https://c.example/studio\n" +
				"   4. https://c.example/laptops\n" +
				"   5. https://c.example/support\n",
			want: `title "Welcome"
menu "" header 1:11
  text "Home" 1:11 href="https://c.example/" target="https://c.example/"
  toggle "Products" 2:17
    text "Office" 5:16 group="Software" href="https://c.example/office" target="https://c.example/office"
    text "Studio" 6:16 group="Software" href="https://c.example/studio" target="https://c.example/studio"
    text "Laptops" 9:16 group="Devices" href="https://c.example/laptops" target="https://c.example/laptops"
  text "Support" 10:11 href="https://c.example/support" target="https://c.example/support"
header 1:11
  items 6
footer none
link header 1:11 "Home" href="https://c.example/" target="https://c.example/"
link header 5:16 "Office" href="https://c.example/office" target="https://c.example/office"
link header 6:16 "Studio" href="https://c.example/studio" target="https://c.example/studio"
link header 9:16 "Laptops" href="https://c.example/laptops" target="https://c.example/laptops"
link header 10:11 "Support" href="https://c.example/support" target="https://c.example/support"
controls 6
`,
		},
		{
			name: "w3m display_link_number: references, unmarked items",
			in: "[1]Logo\n" +
				"\n" +
				"  • [2]Home\n" +
				"  • Products\n" +
				"      □ [4]Cloud\n" +
				"\n" +
				"Welcome\n" +
				"\n" +
				"Text of the page, a sentence.\n" +
				"\n" +
				"[5]Privacy | [6]Terms | Cookie settings\n" +
				"\n" +
				"© 2025 Contoso\n" +
				"\n" +
				"\n" +
				"References:\n" +
				"\n" +
				"[1] https://c.example/\n" +
				"[2] https://c.example/\n" +
				"[4] https://c.example/cloud\n" +
				"[5] https://c.example/privacy\n" +
				"[6] https://c.example/terms\n",
			want: `title ""
menu "" header 3:8
  text "Home" 3:8 href="https://c.example/" target="https://c.example/"
  text "Products" 4:5
    text "Cloud" 5:12 href="https://c.example/cloud" target="https://c.example/cloud"
header 1:4
  items 4
footer 11:1
  text "Privacy" 11:4 href="https://c.example/privacy" target="https://c.example/privacy"
  text "Terms" 11:17 href="https://c.example/terms" target="https://c.example/terms"
  text "Cookie settings" 11:25
  copyright "© 2025 Contoso" 13:1
link header 1:4 "Logo" href="https://c.example/" target="https://c.example/"
link header 3:8 "Home" href="https://c.example/" target="https://c.example/"
link header 5:12 "Cloud" href="https://c.example/cloud" target="https://c.example/cloud"
link footer 11:4 "Privacy" href="https://c.example/privacy" target="https://c.example/privacy"
link footer 11:17 "Terms" href="https://c.example/terms" target="https://c.example/terms"
controls 7
`,
		},
		{
			name: "w3m in ASCII: lynx's bullets at w3m's columns",
			in: "  * Home\n" +
				"  * Products\n" +
				"      + Cloud\n" +
				"          o Storage\n" +
				"\n" +
				"  * Privacy\n" +
				"\n" +
				"Copyright 2025 Contoso\n",
			want: `title ""
menu "" header 1:5
  text "Home" 1:5
  text "Products" 2:5
    text "Cloud" 3:9
      text "Storage" 4:13
header 1:5
  items 4
footer 6:3
  text "Privacy" 6:5
  copyright "Copyright 2025 Contoso" 8:1
link header 1:5 "Home"
link header 2:5 "Products"
link header 3:9 "Cloud"
link header 4:13 "Storage"
link footer 6:5 "Privacy"
controls 5
`,
		},
		{
			name: "w3m's first-level bullets alone: lists set apart by blank lines",
			in: "  • Home\n" +
				"\n" +
				"  • About\n" +
				"\n" +
				"Title of the page, a sentence.\n",
			want: `title ""
menu "" header 1:5
  text "Home" 1:5
menu "" header 3:5
  text "About" 3:5
header 1:5
  items 2
footer none
link header 1:5 "Home"
link header 3:5 "About"
controls 2
`,
		},
		{
			name: "w3m: bullets by level, a column heading in a list, lists set apart",
			in: "Skip to main content Logo\n" +
				"\n" +
				"  • Home\n" +
				"  • Products\n" +
				"\n" +
				"    Software\n" +
				"\n" +
				"      □ Office\n" +
				"          ☆ Office 365\n" +
				"      □ Studio\n" +
				"  • Support\n" +
				"\n" +
				"Welcome\n" +
				"\n" +
				"Text of the page, a sentence.\n" +
				"\n" +
				"Company\n" +
				"\n" +
				"  • About\n" +
				"  • Careers\n" +
				"\n" +
				"  • Privacy | Terms\n" +
				"  • Cookie settings\n" +
				"\n" +
				"© 2025 Contoso\n",
			want: `title ""
menu "" header 3:5
  text "Home" 3:5
  text "Products" 4:5
    text "Office" 8:9 group="Software"
      text "Office 365" 9:13 group="Software"
    text "Studio" 10:9 group="Software"
  text "Support" 11:5
header 3:5
  items 6
footer 17:1
  text "About" 19:5 group="Company"
  text "Careers" 20:5 group="Company"
  text "Privacy" 22:5
  text "Terms" 22:15
  text "Cookie settings" 23:5
  copyright "© 2025 Contoso" 25:1
link header 3:5 "Home"
link header 4:5 "Products"
link header 8:9 "Office"
link header 9:13 "Office 365"
link header 10:9 "Studio"
link header 11:5 "Support"
link footer 19:5 "About"
link footer 20:5 "Careers"
link footer 22:5 "Privacy"
link footer 22:15 "Terms"
link footer 23:5 "Cookie settings"
controls 11
`,
		},
		{
			name: "w3m: no prose in the body, the header ends after its list",
			in: "Logo\n" +
				"\n" +
				"  • Home\n" +
				"  • Products\n" +
				"\n" +
				"Products\n" +
				"\n" +
				"  • Cloud\n" +
				"  • Clocks\n" +
				"\n" +
				"Company\n" +
				"\n" +
				"  • About\n" +
				"  • Contact\n" +
				"\n" +
				"  • Privacy\n" +
				"\n" +
				"© 2012–2026 Contoso Ltd.\n",
			want: `title ""
menu "Logo" header 3:5
  text "Home" 3:5
  text "Products" 4:5
header 3:5
  items 2
footer 11:1
  text "About" 13:5 group="Company"
  text "Contact" 14:5 group="Company"
  text "Privacy" 16:5
  copyright "© 2012–2026 Contoso Ltd." 18:1
link header 3:5 "Home"
link header 4:5 "Products"
link main 8:5 "Cloud"
link main 9:5 "Clocks"
link footer 13:5 "About"
link footer 14:5 "Contact"
link footer 16:5 "Privacy"
controls 7
`,
		},
		{
			// The same shape as a broken word: lynx gives no sign which
			// it is, and a broken word is the likelier.
			name: "lynx -list_inline: a word that fills its line exactly is taken for a broken one",
			in: "     * [https://c.example/legal.html#accessibility-statement]Accessibility\n" +
				"       statement\n",
			want: `title ""
menu "" header 1:62
  text "Accessibilitystatement" 1:62 href="https://c.example/legal.html#accessibility-statement" target="https://c.example/legal.html#accessibility-statement"
header 1:62
  items 1
footer none
link header 1:62 "Accessibilitystatement" href="https://c.example/legal.html#accessibility-statement" target="https://c.example/legal.html#accessibility-statement"
controls 1
`,
		},
		{
			name: "a label naming the footer starts it",
			in: "     * [1]Home\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"   Text of the page goes on for a while here.\n" +
				"\n" +
				"Footer menu\n" +
				"\n" +
				"     * [2]Contact\n" +
				"     * [3]Privacy\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/contact\n" +
				"   3. https://c.example/privacy\n",
			want: `title "Welcome"
menu "" header 1:11
  text "Home" 1:11 href="https://c.example/" target="https://c.example/"
header 1:11
  items 1
footer 7:1
  text "Contact" 9:11 group="Footer menu" href="https://c.example/contact" target="https://c.example/contact"
  text "Privacy" 10:11 group="Footer menu" href="https://c.example/privacy" target="https://c.example/privacy"
link header 1:11 "Home" href="https://c.example/" target="https://c.example/"
link footer 9:11 "Contact" href="https://c.example/contact" target="https://c.example/contact"
link footer 10:11 "Privacy" href="https://c.example/privacy" target="https://c.example/privacy"
controls 3
`,
		},
		{
			name: "lynx: a bullet mark in the text is no bullet",
			in: "     * [1]Home\n" +
				"     * [2]News\n" +
				"     * [3]About\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"   * * *\n" +
				"\n" +
				"   Text of the page goes on for a while here.\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/news\n" +
				"   3. https://c.example/about\n",
			want: `title "Welcome"
menu "" header 1:11
  text "Home" 1:11 href="https://c.example/" target="https://c.example/"
  text "News" 2:11 href="https://c.example/news" target="https://c.example/news"
  text "About" 3:11 href="https://c.example/about" target="https://c.example/about"
header 1:11
  items 3
footer none
link header 1:11 "Home" href="https://c.example/" target="https://c.example/"
link header 2:11 "News" href="https://c.example/news" target="https://c.example/news"
link header 3:11 "About" href="https://c.example/about" target="https://c.example/about"
controls 3
`,
		},
		{
			name: "lynx: a button without a label, a link row broken mid-word",
			in: "   (BUTTON)\n" +
				"     * [1]Home\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"   Text of the page goes on for a while here.\n" +
				"\n" +
				"   [2]Partnersuche[3]Preisvergleich[4]Produktvergleiche[5]Gutschein[6]Kred\n" +
				"   it\n" +
				"\n" +
				"   © 2021 Contoso\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/\n" +
				"   2. https://c.example/2\n" +
				"   3. https://c.example/3\n" +
				"   4. https://c.example/4\n" +
				"   5. https://c.example/5\n" +
				"   6. https://c.example/6\n",
			want: `title "Welcome"
menu "" header 2:11
  text "Home" 2:11 href="https://c.example/" target="https://c.example/"
header 1:4
  items 2
footer 8:4
  text "Partnersuche" 8:7 href="https://c.example/2" target="https://c.example/2"
  text "Preisvergleich" 8:22 href="https://c.example/3" target="https://c.example/3"
  text "Produktvergleiche" 8:39 href="https://c.example/4" target="https://c.example/4"
  text "Gutschein" 8:59 href="https://c.example/5" target="https://c.example/5"
  text "Kredit" 8:71 href="https://c.example/6" target="https://c.example/6"
  copyright "© 2021 Contoso" 11:4
link header 2:11 "Home" href="https://c.example/" target="https://c.example/"
link footer 8:7 "Partnersuche" href="https://c.example/2" target="https://c.example/2"
link footer 8:22 "Preisvergleich" href="https://c.example/3" target="https://c.example/3"
link footer 8:39 "Produktvergleiche" href="https://c.example/4" target="https://c.example/4"
link footer 8:59 "Gutschein" href="https://c.example/5" target="https://c.example/5"
link footer 8:71 "Kredit" href="https://c.example/6" target="https://c.example/6"
controls 7
`,
		},
		{
			name: "lynx: a reference list holds URLs with spaces and lines a URL broke",
			in: "     * [1]Home\n" +
				"     * [2]Share\n" +
				"\n" +
				"                                    Welcome\n" +
				"\n" +
				"References\n" +
				"\n" +
				"   1. https://c.example/?q=two words\n" +
				"   2. mailto:?body=A line\n" +
				"\n" +
				"and the next one\n" +
				"   3. https://c.example/3\n" +
				"   4. https://c.example/4\n" +
				"   5. https://c.example/5\n" +
				"   6. https://c.example/6\n" +
				"   7. https://c.example/7\n" +
				"   8. https://c.example/8\n",
			want: `title "Welcome"
menu "" header 1:11
  text "Home" 1:11 href="https://c.example/?q=two words" target="https://c.example/?q=two words"
  text "Share" 2:11 href="mailto:?body=A line" target="mailto:?body=A line"
header 1:11
  items 2
footer none
link header 1:11 "Home" href="https://c.example/?q=two words" target="https://c.example/?q=two words"
link header 2:11 "Share" href="mailto:?body=A line" target="mailto:?body=A line"
controls 2
`,
		},
		{
			name: "w3m: a bullet mark in the text is no bullet",
			in: "  • Home\n" +
				"  • News\n" +
				"  • About\n" +
				"\n" +
				"• Berlin\n" +
				"\n" +
				"Text of the page, a sentence.\n",
			want: `title ""
menu "" header 1:5
  text "Home" 1:5
  text "News" 2:5
  text "About" 3:5
header 1:5
  items 3
footer none
link header 1:5 "Home"
link header 2:5 "News"
link header 3:5 "About"
controls 3
`,
		},
		{
			name: "w3m: the names of a row around a copyright notice are items",
			in: "  • Home\n" +
				"\n" +
				"Text of the page, a sentence.\n" +
				"\n" +
				"Copyright © 2020, Contoso | Terms of Service | Privacy Policy | CA\n" +
				"Notice of Collection\n",
			want: `title ""
menu "" header 1:5
  text "Home" 1:5
header 1:5
  items 1
footer 5:1
  text "Terms of Service" 5:29
  text "Privacy Policy" 5:48
  text "CA Notice of Collection" 5:65
  copyright "Copyright © 2020, Contoso | Terms of Service | Privacy Policy | CA" 5:1
link header 1:5 "Home"
link footer 5:29 "Terms of Service"
link footer 5:48 "Privacy Policy"
link footer 5:65 "CA Notice of Collection"
controls 4
`,
		},
	})
}
