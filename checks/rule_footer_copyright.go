package checks

import (
	"fmt"
	"strconv"
	"time"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// footerCopyright checks the footer's copyright notice: present when the
// config requires it, with a year, and a newest year no older than the
// reference date allows.
type footerCopyright struct{}

var ruleFooterCopyright = finding.Rule{ID: "footer-copyright", Severity: finding.Warning,
	Description: "the copyright notice is missing (when required), has no year, or its newest year is out of date",
	Docs:        "docs/rules.md#footer-copyright"}

func (footerCopyright) Rules() []finding.Rule { return []finding.Rule{ruleFooterCopyright} }

// noticeYears returns the years written in a notice, between 1990 and the
// year after the reference year: other numbers there are no years. A year
// is a number of four digits that stands alone, starting 19 or 20; ranges
// such as "1998–2015" and "2019-2025" give both ends, lists give every year.
func noticeYears(text string, now time.Time) []int {
	var years []int
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		end := i + 1
		for end < len(text) && isDigit(text[end]) {
			end++
		}
		if number := text[i:end]; len(number) == 4 && (number[:2] == "19" || number[:2] == "20") {
			y, _ := strconv.Atoi(number)
			if y >= 1990 && y <= now.Year()+1 {
				years = append(years, y)
			}
		}
		i = end
	}
	return years
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// NewestYear is the newest year a notice names (noticeYears), 0 when it
// names none.
func NewestYear(text string, now time.Time) int {
	newest := 0
	for _, y := range noticeYears(text, now) {
		newest = max(newest, y)
	}
	return newest
}

func (footerCopyright) Check(p *page.Page, env *Env) Result {
	if st := env.standingOf(p); !st.judged() || st.built.FooterBuilt() {
		return Result{} // no footer of its own, or one its scripts build
	}
	return Result{Findings: checkCopyright(p, env)}
}

func checkCopyright(p *page.Page, env *Env) []finding.Finding {
	cfg := env.engine.cfg
	c := cfg.Footer.Copyright
	if c == nil {
		return nil
	}
	sev := env.engine.rules.CopyrightSeverity(c)
	now := env.engine.now
	required := c.Required != nil && *c.Required
	maxAge := 0
	if c.MaxAgeYears != nil {
		maxAge = *c.MaxAgeYears
	}
	report := func(pos page.Pos, sel string, ctx finding.Context, msg string) []finding.Finding {
		f := atMsg(p.Source, ruleFooterCopyright.ID, pos, sel, ctx, msg)
		f.Severity = sev
		return []finding.Finding{f}
	}
	if p.Footer == nil || len(p.Footer.Copyright) == 0 {
		if !required {
			return nil
		}
		if p.Footer == nil {
			return report(page.Pos{}, "", nil, "copyright notice is missing: page has no footer")
		}
		return report(p.Footer.Pos, p.Footer.Selector, nil, "copyright notice is missing from the footer")
	}
	var newest *page.Copyright
	newestYear := 0
	for _, n := range p.Footer.Copyright {
		if n == nil {
			continue
		}
		if y := NewestYear(n.Text, now); y > newestYear {
			newest, newestYear = n, y
		}
	}
	if newest == nil {
		if c.YearIsOptional() {
			return nil
		}
		var n *page.Copyright
		for _, c := range p.Footer.Copyright {
			if c != nil {
				n = c
				break
			}
		}
		if n == nil {
			return nil
		}
		return report(n.Pos, "", finding.NewContext("notice", n.Text),
			"copyright notice "+q(n.Text)+" has no year")
	}
	expected := now.Year() - maxAge
	if newestYear >= expected {
		return nil
	}
	want := strconv.Itoa(expected)
	if maxAge > 0 {
		want += " or later"
	}
	return report(newest.Pos, "", finding.NewContext("notice", newest.Text, "year", strconv.Itoa(newestYear)),
		fmt.Sprintf("copyright notice %s is out of date: newest year %d, expected %s", q(newest.Text), newestYear, want))
}
