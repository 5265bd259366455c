package checks

import (
	"slices"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

func notices(texts ...string) *page.Page {
	f := footer(300)
	for i, t := range texts {
		f.Copyright = append(f.Copyright, &page.Copyright{Text: t, Pos: page.Pos{Line: 310 + i, Column: 5}})
	}
	return withFooter(f)
}

func TestNoticeYears(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int
	}{
		{"© Microsoft 2025", []int{2025}},
		{"© 2025 Microsoft", []int{2025}},
		{"Copyright © 1998–2015 Example Corp.", []int{1998, 2015}},
		{"(C) 2006 - 2024 Contoso", []int{2006, 2024}},
		{"©2019-2025", []int{2019, 2025}},
		{"© 2019, 2021, 2023 Contoso", []int{2019, 2021, 2023}},
		{"© Contoso, 1 Microsoft Way, Redmond 98052", nil},
		{"© 1899 Old Co. 2099", nil},
		{"© Crown copyright", nil},
		{"© 2027 Tomorrow Inc.", []int{2027}},
	} {
		if got := noticeYears(c.text, testNow); !slices.Equal(got, c.want) {
			t.Errorf("noticeYears(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestFooterCopyright(t *testing.T) {
	const required = `{"footer":{"copyright":{"required":true}}}`
	runRuleCases(t, footerCopyright{}, []ruleCase{
		{name: "current year", config: required, page: notices("© Microsoft 2026")},
		{name: "range ending this year", config: required, page: notices("Copyright © 1998–2026 Example Corp.")},
		{name: "out of date", config: required, page: notices("© Microsoft 2025"),
			want: []string{`310:5 warning footer-copyright copyright notice "© Microsoft 2025" is out of date: newest year 2025, expected 2026`}},
		{name: "newest year of all notices", config: required, page: notices("© 2019 Contoso", "Portions © 2026 Fabrikam")},
		{name: "maxAgeYears", config: `{"footer":{"copyright":{"required":true,"maxAgeYears":1}}}`, page: notices("(c) 2006 - 2025 Contoso")},
		{name: "maxAgeYears exceeded", config: `{"footer":{"copyright":{"maxAgeYears":2}}}`, page: notices("(c) 2006 - 2023 Contoso"),
			want: []string{`310:5 warning footer-copyright copyright notice "(c) 2006 - 2023 Contoso" is out of date: newest year 2023, expected 2024 or later`}},
		{name: "missing from the footer", config: required, page: notices(),
			want: []string{`300:1 warning footer-copyright copyright notice is missing from the footer`}},
		{name: "no footer", config: required, page: withMenus(),
			want: []string{`0:0 warning footer-copyright copyright notice is missing: page has no footer`}},
		{name: "missing but not required", config: `{"footer":{"copyright":{"maxAgeYears":0}}}`, page: notices()},
		{name: "no year", config: required, page: notices("© Crown copyright"),
			want: []string{`310:5 warning footer-copyright copyright notice "© Crown copyright" has no year`}},
		{name: "no year, year optional", config: `{"footer":{"copyright":{"required":true,"yearOptional":true}}}`, page: notices("© Crown copyright")},
		{name: "severity", config: `{"footer":{"copyright":{"required":true,"severity":"error"}}}`, page: notices("© 2020 Contoso"),
			want: []string{`310:5 error footer-copyright copyright notice "© 2020 Contoso" is out of date: newest year 2020, expected 2026`}},
		{name: "no copyright config", page: notices("© 2001 Contoso")},
		{name: "rule off", config: `{"rules":{"footer-copyright":"off"},"footer":{"copyright":{"required":true}}}`, page: notices("© 2001 Contoso")},
		// The recommended preset's copyright block (issue 12, F22, F23).
		{name: "recommended: a notice without a year is fine", config: `{"footer":{"copyright":{"required":true,"yearOptional":true}}}`, page: notices("© Crown copyright")},
		{name: "recommended: a year, when there is one, is current", config: `{"footer":{"copyright":{"required":true,"yearOptional":true}}}`, page: notices("© 2020 Example Mills"),
			want: []string{`310:5 warning footer-copyright copyright notice "© 2020 Example Mills" is out of date: newest year 2020, expected 2026`}},
		{name: "yearOptional false requires a year", config: `{"footer":{"copyright":{"required":true,"yearOptional":false}}}`, page: notices("© Crown copyright"),
			want: []string{`310:5 warning footer-copyright copyright notice "© Crown copyright" has no year`}},
		// Pages without content of their own (issue 12, F15, F27, F16).
		{name: "a redirect stub has no footer to judge", config: required, page: redirectStub("old.html", "/new.html")},
		{name: "a verification token is no page", config: required, page: tokenFile("google0123456789abcdef.html")},
		{name: "a footer built by script waits for --render", config: required, page: scripted(notices())},
	})
}
