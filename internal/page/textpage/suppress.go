package textpage

import (
	"regexp"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

var (
	// directive is a suppression comment on a line of its own, as in HTML:
	// <!-- pagelint-disable-next-line RULE[,RULE] -- reason -->.
	directive   = regexp.MustCompile(`^\s*<!--\s*(pagelint-.*?)\s*-->\s*$`)
	commentLine = regexp.MustCompile(`^\s*<!--.*-->\s*$`)
)

// collectSuppressions reads the directives (see page.Directives), marks
// every comment line as consumed (a comment is not text of the page) and
// returns the suppressed line ranges. "disable-next-line" silences the
// next line that has text: blank lines carry nothing to silence.
func collectSuppressions(lines []*textLine) []page.Suppression {
	var (
		d       page.Directives
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
		name, rules, ok := page.ParseDirective(m[1])
		if !ok {
			continue
		}
		next := l.num + 1
		if nextText[i] > 0 {
			next = nextText[i]
		}
		d.Apply(name, rules, l.num, l.num, next)
	}
	return d.Close(lastNum)
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
