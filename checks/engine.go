package checks

import (
	"time"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"github.com/pagelint/pagelint/schema"
)

// Engine runs the checks of one run. Built once per run from its config,
// it owns what the checks work out once and then share among the run's
// pages and goroutines — the rule set, the site's base URL, the matches of
// the config's items against the labels of the site's menus, the menus the
// site index shares — so that nothing of a run outlives it or meets
// another run. Its methods are safe for concurrent use; each goroutine
// checks pages through an Env of its own.
type Engine struct {
	cfg   *schema.Config
	now   time.Time
	rules *Ruleset
	// site says which URLs are the site's own: site.baseURL, and the
	// origins the run reads the site from (see ReadFrom).
	site *urlnorm.Site

	pageChecks []PageCheck // those with a rule that runs
	siteChecks []SiteCheck
	links      bool // a link rule runs: JudgeLinks has work
	keepLinks  bool // nav-orphan-page runs: the index keeps link targets

	matches  matchCache
	ruledOut matchCache
	menus    menuPool
}

// NewEngine prepares the checks of a run under cfg (nil: no config), with
// now the reference date of date rules (zero: today).
func NewEngine(cfg *schema.Config, now time.Time) *Engine {
	if cfg == nil {
		cfg = &schema.Config{}
	}
	if now.IsZero() {
		now = time.Now()
	}
	e := &Engine{cfg: cfg, now: now, rules: NewRuleset(cfg), site: urlnorm.NewSite(cfg.Site.BaseURL, nil)}
	for _, c := range pageChecks {
		if e.rules.anyOn(c.Rules()) {
			e.pageChecks = append(e.pageChecks, c)
		}
	}
	for _, c := range siteChecks {
		if e.rules.anyOn(c.Rules()) {
			e.siteChecks = append(e.siteChecks, c)
		}
	}
	e.links = e.rules.anyOn(linkTargets{}.Rules())
	e.keepLinks = e.rules.On(ruleNavOrphanPage.ID)
	return e
}

// Rules is the run's severity policy.
func (e *Engine) Rules() *Ruleset { return e.rules }

// ReadFrom names the origins of the URLs a run reads the site from (the
// start URLs of a crawl), so that their links to each other and to
// site.baseURL are links of the site. It is called before any check.
func (e *Engine) ReadFrom(urls []string) {
	e.site = urlnorm.NewSite(e.cfg.Site.BaseURL, urls)
}

// Site says which URLs are the site's own in this run.
func (e *Engine) Site() *urlnorm.Site { return e.site }

// HomeItems names the footer items of the config that are checked on the
// home page only (scope "home") and run: their id, else their label. A run
// that links no home page says that these went unchecked.
func (e *Engine) HomeItems() []string {
	if !e.rules.On(ruleFooterRequired.ID) {
		return nil
	}
	var names []string
	for i := range e.cfg.Footer.Required {
		it := &e.cfg.Footer.Required[i]
		if it.Scope == "home" && it.IsEnabled() && e.rules.ItemSeverity(ruleFooterRequired.ID, it) != finding.Off {
			names = append(names, firstNonEmpty(it.ID, describe(it)))
		}
	}
	return names
}

// Env is a goroutine's view of the run: what its checks know beyond the
// page they judge, and the memory they reuse from page to page. It is not
// safe for concurrent use.
type Env struct {
	engine *Engine
	// Site answers questions about local targets; nil when no file of the
	// site is on disk (URLs).
	Site Site
	// Remote says that the pages live on a server, which was asked for
	// them (a crawl, a fetched page) or which a saved page names as its
	// address: a link to the site that Site does not find is judged from
	// the answer its URL gives (External, see Engine.AskURL), never
	// reported missing.
	Remote bool
	// External holds the outcome of external URL checks, keyed by the
	// link's Target; nil when none were checked.
	External map[string]ExternalResult
	// Reading says that pages are still being read: a link whose
	// judgement needs a page not read yet, or the network, is returned
	// pending rather than judged, so that no page's model need be kept
	// until the last page is read.
	Reading bool
	// Unanswered says that no URL will have an answer in this run: it
	// asks none (offline) and knows none (no page was fetched or saved
	// from a server, no crawl). A link that waits for the network is then
	// not kept pending while pages are read; its URL goes to
	// Result.Unasked.
	Unanswered bool

	// settled remembers the site paths (with their fragments) that links
	// led to without a finding: whether a site path and its fragment
	// exist is the same from every page, so the next links to them need
	// no judgement. It forgets all when full (see memo): a site of many pages
	// links to more fragments than a worker should remember, and the
	// menus' and footers' targets, which most links lead to, are settled
	// again by the next page.
	settled map[string]bool
	// classified remembers how the absolute URLs that pages on disk link
	// to classify (linkCheck.classify): the same from every page, and
	// the same few from page after page of a template. It forgets all when
	// full, as settled does.
	classified map[string]target
	// anchors are the anchors of other pages one page's links asked for,
	// by resolved path; cleared after each page, since a page not read
	// yet may be read by the next.
	anchors map[string]map[string]bool
	// dups is menu-duplicate's working memory: a site's pages have menus
	// of the same size, so after the first pages it allocates only for
	// what it reports.
	dups dupScratch
	// standing is what the page being checked is (standingOf).
	standing standing
}

// NewEnv is a view of the run for one goroutine, asking site (nil: none)
// about local targets.
func (e *Engine) NewEnv(site Site) *Env {
	return &Env{engine: e, Site: site, settled: map[string]bool{}, classified: map[string]target{}, anchors: map[string]map[string]bool{},
		dups: dupScratch{first: map[string]int{}}}
}

// CheckPage runs the page checks on one page. The findings still need the
// Ruleset's Finalize; the pending links, JudgeLinks.
func (env *Env) CheckPage(p *page.Page) Result {
	var r Result
	if p == nil {
		return r
	}
	for _, c := range env.engine.pageChecks {
		cr := c.Check(p, env)
		r.Findings = finding.Append(r.Findings, cr.Findings)
		r.Pending = append(r.Pending, cr.Pending...)
		r.Unasked = append(r.Unasked, cr.Unasked...)
	}
	return r
}

// JudgeLinks judges links that CheckPage returned pending, given as the
// links of p, now that every page is read and Env.External is known
// (link-broken, link-fragment, link-redirect). The findings still need
// Finalize.
func (env *Env) JudgeLinks(p *page.Page) []finding.Finding {
	if p == nil || !env.engine.links {
		return nil
	}
	return checkLinks(p, env, false).Findings
}

// CheckSite runs the site checks on the index of a site's pages. The
// findings still need Finalize.
func (e *Engine) CheckSite(pages []*SitePage, site Site) []finding.Finding {
	env := e.NewEnv(site)
	var findings []finding.Finding
	for _, c := range e.siteChecks {
		findings = append(findings, c.CheckSite(pages, env)...)
	}
	return findings
}

// Run checks pages whose models are all at hand, with what is known of
// the site and of external URLs (either may be nil): the page checks, the
// site checks, then Finalize.
func (e *Engine) Run(pages []*page.Page, site Site, external map[string]ExternalResult) []finding.Finding {
	env := e.NewEnv(site)
	env.External = external
	var findings []finding.Finding
	index := make([]*SitePage, 0, len(pages))
	suppressions := make(map[string]page.Suppressions, len(pages))
	for _, p := range pages {
		if p == nil {
			continue
		}
		findings = append(findings, env.CheckPage(p).Findings...)
		index = append(index, e.Index(p))
		suppressions[p.Source] = p.Suppressions
	}
	findings = append(findings, e.CheckSite(index, site)...)
	return e.rules.Finalize(findings, suppressions)
}
