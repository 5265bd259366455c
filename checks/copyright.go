package checks

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/pagelint/pagelint/internal/page"
)

// footerCopyright checks the footer's copyright notice: present when the
// config requires it, with a year, and a newest year no older than the
// reference date allows.
type footerCopyright struct{}

func (footerCopyright) Rules() []Rule {
	return []Rule{{ID: RuleFooterCopyright, Severity: Warning,
		Description: "the copyright notice is missing (when required), has no year, or its newest year is out of date"}}
}

// yearPattern finds four-digit numbers that stand alone; ranges such as
// "1998–2015" and "2019-2025" give both ends, lists give every year.
var yearPattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:$|[^0-9])`)

// noticeYears returns the years written in a notice, between 1990 and the
// year after the reference year: other numbers there are no years.
func noticeYears(text string, now time.Time) []int {
	var years []int
	// Matches may share the character between two years ("2019-2025"), so
	// search again from the end of each year rather than of each match.
	for rest := text; ; {
		loc := yearPattern.FindStringSubmatchIndex(rest)
		if loc == nil {
			break
		}
		y, _ := strconv.Atoi(rest[loc[2]:loc[3]])
		if y >= 1990 && y <= now.Year()+1 {
			years = append(years, y)
		}
		rest = rest[loc[3]:]
	}
	return years
}

func (footerCopyright) Check(p *page.Page, env *Env) []Finding {
	cfg := env.config()
	c := cfg.Footer.Copyright
	if c == nil {
		return nil
	}
	sev := itemSeverity(c.Severity)
	if _, set := cfg.Rules[RuleFooterCopyright]; set {
		sev = Unset // "rules" has the last word: the block is often a preset's
	}
	if sev == Off {
		return nil
	}
	now := env.Now
	if now.IsZero() {
		now = time.Now()
	}
	required := c.Required != nil && *c.Required
	maxAge := 0
	if c.MaxAgeYears != nil {
		maxAge = *c.MaxAgeYears
	}
	finding := func(pos page.Pos, sel string, ctx map[string]string, msg string) []Finding {
		f := at(p, RuleFooterCopyright, pos, sel, ctx, "%s", msg)
		f.Severity = sev
		return []Finding{f}
	}
	if p.Footer == nil || len(p.Footer.Copyright) == 0 {
		if !required {
			return nil
		}
		if p.Footer == nil {
			return finding(page.Pos{}, "", nil, "copyright notice is missing: page has no footer")
		}
		return finding(p.Footer.Pos, p.Footer.Selector, nil, "copyright notice is missing from the footer")
	}
	var newest *page.Copyright
	newestYear := 0
	for _, n := range p.Footer.Copyright {
		if n == nil {
			continue
		}
		for _, y := range noticeYears(n.Text, now) {
			if y > newestYear {
				newest, newestYear = n, y
			}
		}
	}
	if newest == nil {
		if c.YearOptional {
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
		return finding(n.Pos, "", map[string]string{"notice": n.Text},
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
	return finding(newest.Pos, "", map[string]string{"notice": newest.Text, "year": strconv.Itoa(newestYear)},
		fmt.Sprintf("copyright notice %s is out of date: newest year %d, expected %s", q(newest.Text), newestYear, want))
}
