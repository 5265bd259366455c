package lint

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unique"
	"weak"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// pageChecker runs the checks on each page as soon as it is read, and keeps
// of the page only what the rest of the run still asks of it: its anchors,
// the links that need other pages or the network, its menus for the
// site-wide checks. So a site of tens of thousands of pages is never held
// in memory whole.
type pageChecker struct {
	cfg *schema.Config
	now time.Time
	// orphans: nav-orphan-page is on, so every page's link targets are kept.
	orphans bool
	menus   menuPool
}

func newPageChecker(cfg *schema.Config, now time.Time) *pageChecker {
	sev, _ := cfg.RuleSeverity(checks.RuleNavOrphanPage)
	return &pageChecker{cfg: cfg, now: now, orphans: sev != "" && sev != "off"}
}

// checked is what is left of a page once it has been checked alone.
type checked struct {
	reduced  *page.Page     // for the site checks and Finalize
	deferred *deferredLinks // the links to judge once every page is read; nil if none
	findings []checks.Finding
	anchors  map[string]bool
}

// check runs the page checks on p (when mine) and reduces it. settled is
// the calling goroutine's memory of site paths found fine, links its table
// of deferred links (nil for none).
func (pc *pageChecker) check(p *page.Page, site checks.Site, mine bool, settled map[string]bool, links *linkTable) checked {
	out := checked{anchors: anchorSet(p)}
	if mine {
		env := &checks.Env{Config: pc.cfg, Now: pc.now, Site: site, Settled: settled,
			Defer: func(_ *page.Page, l *page.Link) {
				if out.deferred == nil {
					out.deferred = newDeferredLinks(p)
				}
				out.deferred.add(l, links)
			}}
		out.findings = checks.RunPage(p, env)
		if out.deferred != nil {
			out.deferred.trim()
		}
	}
	out.reduced = &page.Page{
		Source: p.Source, URL: p.URL, Format: p.Format, Home: p.Home, Redirect: p.Redirect, Note: p.Note,
		Suppressions: ownSuppressions(p.Suppressions),
		Menus:        pc.menus.share(p.Menus),
	}
	if pc.orphans {
		for _, l := range p.Links {
			if l.Tag == "a" || l.Tag == "area" {
				out.reduced.Links = append(out.reduced.Links, &page.Link{Tag: l.Tag, Target: intern(l.Target)})
			}
		}
	}
	return out
}

func ownSuppressions(in []page.Suppression) []page.Suppression {
	if len(in) == 0 {
		return nil
	}
	out := make([]page.Suppression, len(in))
	for i, s := range in {
		out[i] = page.Suppression{From: s.From, To: s.To}
		for _, r := range s.Rules {
			out[i].Rules = append(out[i].Rules, intern(r))
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

// menuPool shares one copy of a menu among the pages that carry the same
// menu at the same place, as the pages of one template do, keeping only
// what the site checks read: names, selectors, positions and labels.
type menuPool struct {
	mu    sync.Mutex
	menus map[string]*page.Menu
	// byModel: the parser shares one model of a menu among pages that
	// have it at the same place, so most pages are found by pointer. The
	// pointer is weak: a menu the parser did not share is one page's, and
	// the map must not keep that page alive.
	byModel map[weak.Pointer[page.Menu]]*page.Menu
}

func (mp *menuPool) share(menus []*page.Menu) []*page.Menu {
	if len(menus) == 0 {
		return nil
	}
	out := make([]*page.Menu, len(menus))
	for i, m := range menus {
		model := weak.Make(m)
		mp.mu.Lock()
		shared := mp.byModel[model]
		mp.mu.Unlock()
		if shared != nil {
			out[i] = shared
			continue
		}
		var key strings.Builder
		fmt.Fprintf(&key, "%s\x00%s\x00%s\x00%d:%d", m.Name, m.Selector, m.Region, m.Line, m.Column)
		labelKey(&key, m.Entries)
		k := key.String()
		mp.mu.Lock()
		if mp.menus == nil {
			mp.menus, mp.byModel = map[string]*page.Menu{}, map[weak.Pointer[page.Menu]]*page.Menu{}
		}
		shared = mp.menus[k]
		if shared == nil {
			shared = &page.Menu{Name: intern(m.Name), Selector: intern(m.Selector), Region: intern(m.Region), Pos: m.Pos, Entries: labelsOnly(m.Entries)}
			mp.menus[k] = shared
		}
		mp.byModel[model] = shared
		mp.mu.Unlock()
		out[i] = shared
	}
	return out
}

func labelKey(b *strings.Builder, entries []*page.Entry) {
	for _, e := range entries {
		b.WriteString("\x00")
		b.WriteString(e.Label)
		if len(e.Children) > 0 {
			b.WriteString("\x00[")
			labelKey(b, e.Children)
			b.WriteString("\x00]")
		}
	}
}

func labelsOnly(entries []*page.Entry) []*page.Entry {
	if len(entries) == 0 {
		return nil
	}
	out := make([]*page.Entry, len(entries))
	for i, e := range entries {
		out[i] = &page.Entry{Label: intern(e.Label), Text: intern(e.Text), Kind: intern(e.Kind), Children: labelsOnly(e.Children)}
	}
	return out
}
