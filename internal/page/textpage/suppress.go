package textpage

import (
	"regexp"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

var (
	// directive is a suppression comment on a line of its own, as in HTML:
	// <!-- pagelint-disable-next-line RULE[,RULE] -- reason -->.
	directive   = regexp.MustCompile(`^\s*<!--\s*pagelint-(disable-next-line|disable|enable)(?:\s+(.*?))?\s*-->\s*$`)
	commentLine = regexp.MustCompile(`^\s*<!--.*-->\s*$`)
)

// collectSuppressions reads the directives, marks every comment line as
// consumed (a comment is not text of the page) and returns the suppressed
// line ranges. "disable-next-line" silences the next line that has text
// (blank lines carry nothing to silence); "disable" runs to the matching
// "enable" or the end. An "enable" with rules ends the open regions that
// name any of them; one without rules ends all.
func collectSuppressions(lines []*textLine) []page.Suppression {
	type open struct {
		rules []string
		from  int
	}
	var (
		out     []page.Suppression
		opened  []open
		lastNum int
	)
	nextText := nextTextLines(lines)
	for i, l := range lines {
		lastNum = l.num
		s := runesString(l.runes)
		if !strings.HasPrefix(strings.TrimSpace(s), "<!--") {
			continue
		}
		m := directive.FindStringSubmatch(s)
		if m == nil {
			if commentLine.MatchString(s) {
				l.kind = lineIgnored
			}
			continue
		}
		l.kind = lineIgnored
		rules := directiveRules(m[2])
		switch m[1] {
		case "disable-next-line":
			target := l.num + 1
			if next := nextText[i]; next > 0 {
				target = next
			}
			out = append(out, page.Suppression{Rules: rules, From: target, To: target})
		case "disable":
			opened = append(opened, open{rules: rules, from: l.num})
		case "enable":
			kept := opened[:0]
			for _, o := range opened {
				if len(rules) == 0 || len(o.rules) == 0 || overlaps(o.rules, rules) {
					out = append(out, page.Suppression{Rules: o.rules, From: o.from, To: l.num})
					continue
				}
				kept = append(kept, o)
			}
			opened = kept
		}
	}
	for _, o := range opened {
		out = append(out, page.Suppression{Rules: o.rules, From: o.from, To: lastNum})
	}
	return out
}

// nextTextLines gives, for each line, the number of the first line after it
// that has text and is no comment (0 when none).
func nextTextLines(lines []*textLine) []int {
	next := make([]int, len(lines))
	following := 0
	for i := len(lines) - 1; i >= 0; i-- {
		next[i] = following
		s := strings.TrimSpace(runesString(lines[i].runes))
		if s != "" && (!strings.HasPrefix(s, "<!--") || !commentLine.MatchString(s)) {
			following = lines[i].num
		}
	}
	return next
}

// directiveRules reads "rule-a, rule-b -- reason" into its rules.
func directiveRules(s string) []string {
	if i := strings.Index(s, "--"); i >= 0 {
		s = s[:i]
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
