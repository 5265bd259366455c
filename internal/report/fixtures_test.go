package report

import "github.com/pagelint/pagelint/internal/finding"

// The reports the golden files are made from.

var testRules = []finding.Rule{
	{ID: "nav-required", Severity: finding.Error, Description: "a navigation entry that the config requires is missing", Docs: "docs/rules.md#nav-required"},
	{ID: "nav-dead-link", Severity: finding.Error, Description: "a navigation or footer entry whose target is unusable: no href, #, javascript:", Docs: "docs/rules.md#nav-dead-link"},
	{ID: "nav-inconsistent", Severity: finding.Warning, Description: "a page's menu lacks entries that most pages' same menu has", Docs: "docs/rules.md#nav-inconsistent"},
	{ID: "nav-orphan-page", Severity: finding.Info, Description: "a page that no other page links to", Off: true, Docs: "docs/rules.md#nav-orphan-page"},
	{ID: "menu-duplicate", Severity: finding.Error, Description: "the same entry twice in one menu", Docs: "docs/rules.md#menu-duplicate"},
	{ID: "footer-required", Severity: finding.Error, Description: "a required footer item is missing", Docs: "docs/rules.md#footer-required"},
	{ID: "footer-copyright", Severity: finding.Warning, Description: "the copyright notice is missing or out of date", Docs: "docs/rules.md#footer-copyright"},
	{ID: "link-broken", Severity: finding.Error, Description: "an internal target does not exist, or an external URL fails", Docs: "docs/rules.md#link-broken"},
	{ID: "link-fragment", Severity: finding.Error, Description: "#fragment names no id or a[name] on the target page", Docs: "docs/rules.md#link-fragment"},
	{ID: "link-no-text", Severity: finding.Off, Description: "a link with no accessible name", Docs: "docs/rules.md#link-no-text"},
}

// siteReport has several pages, every severity, a finding without a line
// (a rendered page) and messages with quotes, <, %, commas and newlines.
func siteReport() *Report {
	return &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "pagelint", Version: "0.3.0"},
		GeneratedAt:   "2026-11-26T17:00:00Z",
		Summary:       Summary{Pages: 5, Findings: 10, Error: 6, Warning: 3, Info: 1, LinksChecked: 214, DurationMs: 88},
		Pages: []string{"site/about/index.html", "site/contact.html", "site/index.html", "https://www.example.com/rendered",
			"snapshots/about.txt"},
		Rules: testRules,
		Findings: []finding.Finding{
			{Rule: "link-broken", Severity: finding.Error, Message: `link target "/products/cloud/" does not exist`,
				Source: "site/index.html", Line: 52, Column: 9, Selector: "main > p:nth-child(2) > a",
				Context: finding.NewContext("href", "/products/cloud/")},
			{Rule: "menu-duplicate", Severity: finding.Error,
				Message: `duplicate menu entry "Cloud" under "Products" in menu "Primary"`,
				Source:  "site/index.html", Line: 40, Column: 11,
				Selector: `nav[aria-label="Primary"] > ul > li:nth-child(1) > ul > li:nth-child(3) > a`,
				Context:  finding.NewContext("label", "Cloud", "menu", "Primary", "href", "/cloud/")},
			{Rule: "link-broken", Severity: finding.Error, Message: `link target "/a,b%20c.html" does not exist`,
				Source: "site/index.html", Line: 52, Column: 30, Selector: "main > p:nth-child(2) > a:nth-child(2)"},
			{Rule: "footer-copyright", Severity: finding.Warning,
				Message: "copyright notice \"© 2019 <Contoso>\" is older than 2026\n(the newest year must be the reference year)",
				Source:  "site/index.html", Line: 120, Column: 5, Selector: "footer > p"},
			{Rule: "footer-required", Severity: finding.Error,
				Message: `required footer item "privacy" (pattern "(?i)privacy (statement|policy)|^privacy$") is missing`,
				Source:  "site/about/index.html", Line: 88, Column: 3, Selector: "footer"},
			{Rule: "nav-dead-link", Severity: finding.Error, Message: `menu entry "Shop" has the target "javascript:void(0)"`,
				Source: "site/about/index.html", Line: 14, Column: 7, Selector: "header nav > ul > li:nth-child(4) > a"},
			{Rule: "nav-inconsistent", Severity: finding.Warning,
				Message: `menu "Primary" lacks "Support", which 90% of pages have`,
				Source:  "site/about/index.html", Line: 10, Column: 3, Selector: "header nav"},
			{Rule: "nav-orphan-page", Severity: finding.Info, Message: "no other page links to this page",
				Source: "site/about/index.html"},
			{Rule: "footer-required", Severity: finding.Warning,
				Message: `required footer item "Your Privacy Choices" is missing`, Source: "snapshots/about.txt", Line: 212},
			{Rule: "assert/privacy-on-own-domain", Severity: finding.Error,
				Message:  "the privacy link must point to privacy.contoso.com (at /footer/items/3/href)",
				Source:   "https://www.example.com/rendered",
				Selector: "body > footer > ul > li:nth-child(4) > a"},
		},
	}
}

// cleanReport is a run that found nothing, offline.
func cleanReport() *Report {
	return &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "pagelint", Version: "0.3.0"},
		GeneratedAt:   "2026-11-26T17:00:00Z",
		Summary:       Summary{Pages: 3, LinksChecked: 57, DurationMs: 12, Offline: true},
		Pages:         []string{"public/index.html", "public/about.html", "public/contact.html"},
		Rules:         testRules,
	}
}
