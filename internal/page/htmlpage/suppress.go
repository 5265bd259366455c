package htmlpage

import (
	"strings"

	"github.com/pagelint/pagelint/internal/page"
)

// Inline suppressions, written as HTML comments:
//
//	<!-- pagelint-disable-next-line RULE[,RULE…] -- reason -->
//	<!-- pagelint-disable RULES --> … <!-- pagelint-enable RULES -->
//
// No RULES means every rule. A disable never enabled runs to the end of the
// file.

type openDisable struct {
	rules []string
	from  int
}

func (s *stream) comment(off int) {
	if s.lines == nil {
		return
	}
	body := strings.TrimSpace(string(s.z.Text()))
	if !strings.HasPrefix(body, "pagelint-") {
		return
	}
	directive, rest, _ := strings.Cut(body, " ")
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	rules := splitRules(rest)
	endLine := s.lines.line(s.off - 1)
	switch directive {
	case "pagelint-disable-next-line":
		s.p.Suppressions = append(s.p.Suppressions, page.Suppression{Rules: rules, From: endLine + 1, To: endLine + 1})
	case "pagelint-disable-line":
		from := s.lines.line(off)
		s.p.Suppressions = append(s.p.Suppressions, page.Suppression{Rules: rules, From: from, To: endLine})
	case "pagelint-disable":
		s.disable = append(s.disable, openDisable{rules: rules, from: s.lines.line(off)})
	case "pagelint-enable":
		s.enable(rules, endLine)
	}
}

// enable closes the open disables of rules (all of them when rules is
// empty). A disable of some rules keeps the rules not enabled open; a
// disable of every rule is closed only by an enable of every rule.
func (s *stream) enable(rules []string, line int) {
	kept := s.disable[:0]
	for _, d := range s.disable {
		switch {
		case len(rules) == 0:
			s.closeDisable(d.rules, d.from, line)
		case len(d.rules) == 0:
			kept = append(kept, d)
		default:
			var closed, open []string
			for _, r := range d.rules {
				if contains(rules, r) {
					closed = append(closed, r)
				} else {
					open = append(open, r)
				}
			}
			if len(closed) > 0 {
				s.closeDisable(closed, d.from, line)
			}
			if len(open) > 0 {
				kept = append(kept, openDisable{rules: open, from: d.from})
			}
		}
	}
	s.disable = kept
}

func (s *stream) closeDisable(rules []string, from, to int) {
	s.p.Suppressions = append(s.p.Suppressions, page.Suppression{Rules: rules, From: from, To: to})
}

func (s *stream) closeOpenDisables() {
	if s.lines == nil {
		return
	}
	last := len(s.lines.starts)
	for _, d := range s.disable {
		s.closeDisable(d.rules, d.from, last)
	}
	s.disable = nil
}

func splitRules(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
