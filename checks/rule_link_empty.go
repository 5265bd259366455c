package checks

import (
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// linkEmpty finds references with no URL: an empty href or src reloads the
// page itself or loads nothing, a link element without href and an img
// without src load nothing. They are no missing target (link-broken): no
// target was given. Menu and footer entries are nav-dead-link's.
type linkEmpty struct{}

var ruleLinkEmpty = finding.Rule{ID: "link-empty", Severity: finding.Error,
	Description: "a link, script, stylesheet or image with an empty or missing URL (it reloads the page or loads nothing)",
	Docs:        "docs/rules.md#link-empty"}

func (linkEmpty) Rules() []finding.Rule { return []finding.Rule{ruleLinkEmpty} }

func (linkEmpty) Check(p *page.Page, env *Env) Result {
	if p.Format == page.FormatText {
		return Result{} // a text snapshot writes out few URLs, by design
	}
	allowHash := env.engine.cfg.Links.HashHrefAllowed()
	var out []finding.Finding
	var entries map[entryKey]bool // made at the first finding: most pages have none
	for _, l := range p.Links {
		if l == nil || l.Ignored {
			continue
		}
		msg := emptyReason(l, allowHash)
		if msg == "" {
			continue
		}
		if l.Tag == page.TagA || l.Tag == page.TagArea {
			if entries == nil {
				entries = deadLinkEntries(p)
			}
			if entries[entryKey{line: l.Line, column: l.Column, selector: l.Selector}] {
				continue // a menu or footer entry: nav-dead-link's
			}
		}
		ctx := finding.NewContext("href", l.Href, "tag", l.Tag.String(), "attr", l.Attr.String())
		out = append(out, atMsg(p.Source, ruleLinkEmpty.ID, l.Pos, l.Selector, ctx, msg))
	}
	return Result{Findings: out}
}

// deadLinkEntries are where the entries stand that nav-dead-link judges:
// those of the menus and the footer.
func deadLinkEntries(p *page.Page) map[entryKey]bool {
	set := map[entryKey]bool{}
	var add func([]*page.Entry)
	add = func(entries []*page.Entry) {
		for _, e := range entries {
			if e != nil {
				set[keyOf(e)] = true
				add(e.Children())
			}
		}
	}
	for _, m := range menusIn(p) {
		add(m.Entries)
	}
	if p.Footer != nil {
		add(p.Footer.Items)
	}
	return set
}

// emptyReason says what is wrong with a reference that names no URL, or ""
// when it names one (or is not link-empty's to report).
func emptyReason(l *page.Link, allowHash bool) string {
	href := strings.TrimSpace(l.Href)
	if href != "" && (href != "#" || allowHash) {
		return ""
	}
	switch l.Tag {
	case page.TagA, page.TagArea:
		if l.Missing {
			return "" // <a> without href: a placeholder, valid HTML
		}
		if href == "#" {
			return named("link", l.Label) + ` has the placeholder href "#": it leads only to the top of this page`
		}
		return named("link", l.Label) + " has an empty href: it leads back to this page"
	case page.TagLink:
		if hintOnly(l.Rel()) {
			return ""
		}
		if l.Missing {
			return what(l) + " has no href: it loads nothing"
		}
		return what(l) + " has an empty href: it loads nothing"
	case page.TagScript:
		return "script has an empty src: no script is loaded"
	case page.TagImg:
		if l.Missing {
			return named("img", l.Label) + " has no src or srcset: no image is shown"
		}
		return named("img", l.Label) + " has an empty src: the browser shows a broken image"
	}
	return ""
}

// named is "kind" followed by the quoted label, when there is one.
func named(kind, label string) string {
	if label = strings.TrimSpace(label); label != "" {
		return kind + " " + q(label)
	}
	return kind
}
