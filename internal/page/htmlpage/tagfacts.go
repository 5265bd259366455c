package htmlpage

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/pagelint/pagelint/internal/page"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tagFacts are what the stream asks of a start tag's attributes again and
// again — its id, its role, whether it hides itself — read in one pass
// instead of one scan of the attributes per question.
type tagFacts struct {
	id, role string
	seenID   bool
	hasRole  bool
	hidden   bool // hiddenByAttrs
}

func factsOf(attrs []html.Attribute) tagFacts {
	var f tagFacts
	for _, a := range attrs {
		switch a.Key {
		case "id":
			if !f.seenID { // the first counts, as in attr
				f.id, f.seenID = a.Val, true
			}
		case "role":
			if !f.hasRole && a.Namespace == "" {
				f.role, f.hasRole = a.Val, true
			}
		default:
			if !f.hidden && hides(a) {
				f.hidden = true
			}
		}
	}
	return f
}

// matchFacts is match for a start tag whose facts are known.
func matchFacts(m cascadia.Matcher, e *openElem, f *tagFacts) bool {
	if l, ok := m.(landmark); ok {
		if e.atom == l.tag && !e.foreign {
			return true
		}
		return f.hasRole && f.role == l.role
	}
	return m.Match(e.node)
}

// controlKindFacts is controlKind for a start tag whose facts are known.
func controlKindFacts(a atom.Atom, attrs []html.Attribute, f *tagFacts) string {
	switch a {
	case atom.A, atom.Area, atom.Button, atom.Summary, atom.Input:
		return controlKind(a, attrs)
	}
	if f.hasRole && strings.EqualFold(strings.TrimSpace(f.role), "button") {
		return page.KindButton
	}
	return ""
}
