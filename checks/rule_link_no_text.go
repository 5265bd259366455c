package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// linkNoText finds links that have no accessible name.
type linkNoText struct{}

var ruleLinkNoText = finding.Rule{ID: "link-no-text", Severity: finding.Warning,
	Description: "a link with no accessible name (no text, aria-label, image alt or title)",
	Docs:        "docs/rules.md#link-no-text"}

func (linkNoText) Rules() []finding.Rule { return []finding.Rule{ruleLinkNoText} }

func (linkNoText) Check(p *page.Page, env *Env) Result {
	// A stub's links are never seen; on a page that scripts build, links
	// empty in the source are filled in by them too (page-script-built).
	if st := env.standingOf(p); !st.judged() || st.built.Any() {
		return Result{}
	}
	var out []finding.Finding
	for _, l := range p.Links {
		if l == nil || l.Ignored || (l.Tag != "a" && l.Tag != "area") || strings.TrimSpace(l.Label) != "" {
			continue
		}
		ctx := map[string]string{"href": l.Href, "target": l.Target, "tag": l.Tag}
		const why = "has no accessible name (no text, aria-label, image alt or title)"
		if href := firstNonEmpty(l.Href, l.Target); href != "" {
			out = append(out, at(p.Source, ruleLinkNoText.ID, l.Pos, l.Selector, ctx, "link to %s %s", q(href), why))
		} else {
			out = append(out, at(p.Source, ruleLinkNoText.ID, l.Pos, l.Selector, ctx, "link %s", why))
		}
	}
	return Result{Findings: out}
}
