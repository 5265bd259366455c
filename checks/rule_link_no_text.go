package checks

import (
	"fmt"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// linkNoText finds links and buttons that have no accessible name.
type linkNoText struct{}

var ruleLinkNoText = finding.Rule{ID: "link-no-text", Severity: finding.Warning,
	Description: "a link or button with no accessible name (no text, aria-label, image alt or title)",
	Docs:        "docs/rules.md#link-no-text"}

func (linkNoText) Rules() []finding.Rule { return []finding.Rule{ruleLinkNoText} }

func (linkNoText) Check(p *page.Page, env *Env) Result {
	// A stub's links are never seen; on a page that scripts build, links
	// empty in the source are filled in by them too (page-script-built).
	if st := env.standingOf(p); !st.judged() || st.built.Any() {
		return Result{}
	}
	links, buttons := namelessOf(p, false)
	var out []finding.Finding
	for _, l := range links {
		ctx := finding.NewContext("href", l.Href, "target", l.Target, "tag", l.Tag.String())
		what := "link"
		if href := firstNonEmpty(l.Href, l.Target); href != "" {
			what = "link to " + q(href)
		}
		out = append(out, at(p.Source, ruleLinkNoText.ID, l.Pos, l.Selector, ctx, "%s %s", what, nameless(l)))
	}
	for _, e := range buttons {
		out = append(out, at(p.Source, ruleLinkNoText.ID, e.Pos, e.Selector, finding.NewContext("kind", e.Kind.String()),
			"button has no accessible name (no text, aria-label or title)"))
	}
	return Result{Findings: out}
}

// namelessOf lists the links and buttons of p without an accessible
// name, hidden ones aside (they lack none). waiting picks those whose
// names a framework's script sets (NamedBy) on a page whose scripts run:
// they wait for it, and page-script-built notes them; else the others,
// which link-no-text reports.
func namelessOf(p *page.Page, waiting bool) (links []*page.Link, buttons []*page.Entry) {
	scripts := scriptsRun(p)
	waits := func(namedBy string) bool { return scripts && namedBy != "" }
	for _, l := range p.Links {
		if l == nil || l.Ignored || l.Hidden || (l.Tag != page.TagA && l.Tag != page.TagArea) || strings.TrimSpace(l.Label) != "" ||
			waits(l.NamedBy()) != waiting {
			continue
		}
		links = append(links, l)
	}
	// Buttons: a link with an href is judged above as a link.
	for _, e := range p.Controls {
		if e == nil || e.Ignored || e.Hidden || e.HasHref || (e.Kind != page.KindButton && e.Kind != page.KindToggle) ||
			strings.TrimSpace(e.Label) != "" || waits(e.NamedBy()) != waiting {
			continue
		}
		buttons = append(buttons, e)
	}
	return links, buttons
}

// nameless says why link l has no name.
func nameless(l *page.Link) string {
	if n := l.NestedLink(); n != nil {
		// The source shows content; the browser moved it out of the link.
		where := ""
		if n.Line > 0 {
			where = fmt.Sprintf(" (line %d)", n.Line)
		}
		return "has no accessible name: it wraps another link" + where + ", which browsers do not allow, so it ends empty"
	}
	return "has no accessible name (no text, aria-label, image alt or title)"
}
