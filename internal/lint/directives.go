package lint

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// directiveWarnings are the warnings about the suppression comments of the
// pages, once Finalize has used them: a comment that names a rule pagelint
// does not know (a typo silences nothing), and, when unused is set, each
// rule a comment names that silenced no finding (as ESLint's
// --report-unused-disable-directives), so that stale suppressions are
// removed before they hide a new problem.
func directiveWarnings(pages map[string]page.Suppressions, rules []finding.Rule, unused bool) []string {
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	type note struct {
		source string
		line   int
		msg    string
	}
	var notes []note
	for source, suppressions := range pages {
		for _, s := range suppressions {
			at := source + ":" + strconv.Itoa(s.At) + ": " + s.Directive
			if len(s.Rules) == 0 {
				if unused && len(s.Used) == 0 {
					notes = append(notes, note{source, s.At, at + " silenced nothing"})
				}
				continue
			}
			for i, r := range s.Rules {
				switch {
				case !known[r]:
					notes = append(notes, note{source, s.At, at + " names an unknown rule \"" + r + "\" (see pagelint rules)"})
				case unused && (len(s.Used) == 0 || !s.Used[i]):
					notes = append(notes, note{source, s.At, at + " " + r + " silenced nothing"})
				}
			}
		}
	}
	slices.SortStableFunc(notes, func(a, b note) int { return cmp.Or(cmp.Compare(a.source, b.source), cmp.Compare(a.line, b.line)) })
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.msg
	}
	return out
}
