package checks

import (
	"fmt"
	"path"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
)

// navOrphanPage finds pages of the site that no other page links to.
type navOrphanPage struct{}

var ruleNavOrphanPage = finding.Rule{ID: "nav-orphan-page", Severity: finding.Info, Off: true,
	Description: "site mode: a page that no other page links to",
	Docs:        "docs/rules.md#nav-orphan-page"}

func (navOrphanPage) Rules() []finding.Rule { return []finding.Rule{ruleNavOrphanPage} }

func (navOrphanPage) CheckSite(pages []*SitePage, env *Env) []finding.Finding {
	var live []*SitePage
	for _, p := range pages {
		if p != nil {
			live = append(live, p)
		}
	}
	if len(live) < 2 {
		return nil
	}
	site := env.engine.site
	keyOfTarget := func(t target) string {
		switch t.kind {
		case targetInternal:
			if r, checked, ok := resolveSite(env, t.path); checked && ok {
				return r
			}
			return indexPath(t.path)
		case targetExternal:
			return t.url
		}
		return ""
	}
	linked := map[string]bool{}
	for _, p := range live {
		sc := newScope(p.URL, site)
		self := sc.pageTarget()
		mark := func(raw string) {
			if raw == "" {
				return
			}
			t := classify(raw, sc)
			if samePage(t, self) {
				return
			}
			if k := keyOfTarget(t); k != "" {
				linked[k] = true
				if t.kind == targetInternal && env.Site == nil && path.Ext(k) == "" {
					// Without a site to ask, "/team" may be either file.
					linked[k+".html"], linked[k+"/index.html"] = true, true
				}
			}
		}
		for _, l := range p.Links {
			mark(l)
		}
		mark(p.Redirect)
	}
	var out []finding.Finding
	for _, p := range live {
		if p.Home {
			continue
		}
		if k := keyOfTarget(newScope(p.URL, site).pageTarget()); k == "" || linked[k] {
			continue
		}
		name := firstNonEmpty(p.URL, p.Source)
		out = append(out, at(p.Source, ruleNavOrphanPage.ID, page.Pos{}, "", finding.NewContext("page", name),
			"%s", fmt.Sprintf("page %s is not linked from any other page of the site", q(name))))
	}
	return out
}
