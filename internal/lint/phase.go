package lint

import (
	"unique"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// checked is what is left of a page once it has been checked alone: the
// engine's index of it for the site checks and Finalize, the links to judge
// once every page is read, what its own checks found, and its anchors for
// the links of other pages. So a site of tens of thousands of pages is
// never held in memory whole.
type checked struct {
	index    *checks.SitePage
	deferred *deferredLinks // nil if none
	findings []finding.Finding
	anchors  map[string]bool
}

// checkPage runs the page checks on p through env (when mine: a page of
// this shard) and keeps what the rest of the run asks of it; links is the
// worker's table of deferred links (nil for none).
func checkPage(engine *checks.Engine, env *checks.Env, p *page.Page, mine bool, links *linkTable) checked {
	out := checked{anchors: anchorSet(p), index: engine.Index(p)}
	if mine {
		r := env.CheckPage(p)
		out.findings = r.Findings
		if len(r.Pending) > 0 {
			out.deferred = newDeferredLinks(p, r.Pending, links)
		}
	}
	return out
}

// intern returns s in memory of its own, shared with every equal string:
// the model's strings share chunks with the rest of their page, which a
// kept string would keep alive.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}
