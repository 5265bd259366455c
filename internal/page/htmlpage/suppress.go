package htmlpage

import (
	"github.com/pagelint/pagelint/internal/page"
)

// comment reads an inline suppression directive (see page.Directives) from
// the comment token that starts at off.
func (s *stream) comment(off int) {
	s.effects++
	if s.lines == nil {
		return
	}
	name, rules, ok := page.ParseDirective(string(s.z.Text()))
	if !ok {
		return
	}
	from, to := s.lines.line(off), s.lines.line(s.off-1)
	s.directives.Apply(name, rules, from, to, to+1)
}

// closeOpenDisables ends the disables never enabled at the last line and
// hands the page its suppressions.
func (s *stream) closeOpenDisables() {
	if s.lines != nil {
		s.p.Suppressions = s.directives.Close(len(s.lines.starts))
	}
	s.directives = page.Directives{}
}
