// Package lint runs a whole lint and schedules its work: it reads the inputs
// into page models (each page parsed once, by a pool of workers), has a
// checks.Engine check each page as soon as it is read and keeps only the
// engine's index of it, checks the external URLs the pages link to once
// each, has the links that waited for other pages or the network judged,
// runs the site checks and returns the findings. The CLI is a thin layer
// over Run.
package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/netip"
	"net/url"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"github.com/pagelint/pagelint/schema"
)

// Options of one run.
type Options struct {
	Inputs []string // paths, URLs or "-"; none means the current directory
	Stdin  io.Reader
	Config *schema.Config
	Now    time.Time

	// InputFormat forces how pages are read: "" (by name), "html" or "text".
	InputFormat string
	Offline     bool
	NoCache     bool
	// ExcludePrivate skips external URLs on loopback and private addresses
	// even when an input is on one; AllowPrivate checks them even when
	// none is. See networkPolicy.
	ExcludePrivate bool
	AllowPrivate   bool

	Render     bool
	RenderWait time.Duration
	Crawl      bool
	MaxPages   int
	MaxDepth   int
	Sitemaps   []string

	// RenderPolicy is asked about each request of the rendered pages (see
	// source.RenderOptions.Policy); nil means the run's network policy.
	// Whatever it allows, the browser connects only to the addresses the
	// run's network policy allows (source.RenderOptions.Dial).
	RenderPolicy func(*url.URL) error

	// Shard lints a deterministic share of the pages; zero means all.
	Shard Shard

	// Progress receives the link checker's progress bar; nil for none.
	Progress io.Writer
	// Read, when set, is told the size of each page as it is read, before
	// it is parsed (the command grows its collector's floor with it).
	Read func(bytes int)
	// Warn receives one-line warnings (cache trouble, skipped URLs).
	Warn func(string)
	// Resolve looks up the host names of the run's requests; nil means
	// the system's resolver. Tests give their own (netpolicy.Policy).
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
	// Version goes into the link checker's User-Agent.
	Version string
	// OnlyPages lints, of the files named, only the pages (HTML, and the
	// text snapshots the config names), each against the site root of the
	// config: what a pre-commit hook hands over is every changed file.
	OnlyPages bool
	// ReportUnusedDisable warns of suppression comments that silenced
	// nothing.
	ReportUnusedDisable bool

	// policy says which addresses the run's requests may reach.
	policy *netpolicy.Policy
	// notes are the notes of the pages, by source (see sayPageNotes).
	notes *pageNotes
	// unanswered: no URL that the links of the local sites ask will have
	// an answer in this run (see noAnswers and checks.Env.Unanswered).
	unanswered bool
}

// Result of a run.
type Result struct {
	// Pages are the sources of the pages linted (of this shard).
	Pages    []string
	Findings []finding.Finding
	// Rules is the run's rule table: every rule with the severity it ran
	// at, for the reports that list rules.
	Rules        []finding.Rule
	LinksChecked int
	// LinksUnchecked are the external URLs links.deadline left unchecked,
	// or LinksNoNetwork.
	LinksUnchecked int
	// LinksNoNetwork: the run could reach no external host, so the links
	// it asked are unchecked, not broken (see linkcheck.Outage).
	LinksNoNetwork bool
	// LinksOffline are the URLs not checked because the run was offline;
	// LinksUnresolved the links of saved pages that name no origin.
	LinksOffline, LinksUnresolved int
	Offline                       bool
	// PageErrors are pages that could not be read or parsed; the rest of
	// their site was still linted.
	PageErrors []error
	// HomeItemsSkipped names the config's home-page items (scope "home")
	// that went unchecked on a site of the run: no home page was linted.
	HomeItemsSkipped []string
}

// InputError is a failure to read one input; the run goes on without it
// only when it is one page of a site.
type InputError struct {
	Source string
	Err    error
}

func (e *InputError) Error() string { return e.Source + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// group is the pages that share one site: a directory, the files given
// under one root, or the pages fetched from one start URL.
type group struct {
	// models are whole page models: of pages read all at once (standard
	// input, URLs) until they are checked, and of every page for Extract.
	models []*page.Page
	pages  []*checks.SitePage // what is kept of every page once checked
	mine   []*checks.SitePage // of the pages of this shard
	// deferred are the links of this shard's pages that are judged once
	// every page is read; findings what the pages' own checks found.
	deferred []*deferredLinks
	findings []finding.Finding
	// unasked are the URLs of this shard's links that no answer will
	// judge in this run (checks.Env.Unanswered), counted, not deferred.
	unasked urlSet
	site    checks.Site
	// remote: the pages live on a server (fetched, or saved from it); see
	// checks.Env.Remote.
	remote bool
	// noOrigin: a saved page that names no origin, whose links to its
	// own site cannot be asked.
	noOrigin bool
	// anchors of every page, by its URL (site path or absolute URL).
	anchors map[string]map[string]bool
	// known are link results the reading learnt on the way (a crawl's
	// failed fetches), by normal form (internal/urlnorm).
	known map[string]checks.ExternalResult
	// crawl is what the group's crawl left of its --max-pages; nil
	// without a crawl.
	crawl *crawlLimit
}

// Run lints the inputs: each page is checked as soon as it is read, then
// the links that need other pages or the network, then the site checks.
func Run(ctx context.Context, opt Options) (*Result, error) {
	opt.prepare(ctx)
	engine := checks.NewEngine(opt.Config, opt.Now)
	engine.ReadFrom(urlInputs(opt.Inputs))
	groups, pageErrs, err := readInputs(ctx, &opt, engine)
	if err != nil {
		return nil, err
	}
	res := &Result{Rules: engine.Rules().Rules(), PageErrors: pageErrs, Offline: opt.Offline || !opt.Config.Links.CheckExternal()}
	var deferred []*deferredLinks
	unasked := urlSet{}
	known := map[string]checks.ExternalResult{}
	fetched := map[string]map[string]bool{}
	var crawl *crawlLimit
	suppressions := map[string]page.Suppressions{}
	sitePages := 0
	for _, g := range groups {
		sitePages += len(g.pages)
		for _, p := range g.mine {
			res.Pages = append(res.Pages, p.Source)
			suppressions[p.Source] = p.Suppressions
		}
		deferred = append(deferred, g.deferred...)
		maps.Copy(unasked, g.unasked)
		for u, r := range g.known {
			known[u] = r
		}
		if g.crawl != nil {
			crawl = g.crawl // the URL inputs make one group
		}
		for u, a := range g.anchors {
			if IsURL(u) {
				fetched[urlnorm.Key(u)] = a
			}
		}
	}
	switch {
	case len(res.Pages) > 0:
	case len(pageErrs) > 0:
		return nil, pageErrs[0]
	case sitePages == 0 && !opt.OnlyPages:
		return nil, errors.New("no pages to lint")
	default:
		// A shard of more shards than pages (--shard 10/10 of 9 pages)
		// has nothing to lint: an empty report, not a failure, so that a
		// fixed CI matrix works on a small site.
	}
	external, counts, err := checkExternal(ctx, &opt, engine, deferred, unasked, fetched, known, crawl)
	if err != nil {
		return nil, err
	}
	res.LinksChecked, res.LinksUnchecked, res.LinksOffline = counts.checked, counts.unchecked, counts.offline
	res.LinksNoNetwork = counts.noNetwork
	// Every shard reads every page, so each says the same of the home page.
	homeJudged := true
	for _, g := range groups {
		homeJudged = homeJudged && g.judgedHome()
		res.LinksUnresolved += g.unresolved(engine, &opt)
		// What is judged is let go of as the run goes: the peak of a
		// site's memory is here, where its findings grow.
		res.Findings = finding.Append(res.Findings, g.findings)
		g.findings = nil
		res.Findings = append(res.Findings, judgeLinks(engine, g, external)...)
		g.deferred = nil
		if opt.OnlyPages {
			// The changed files of a commit are not the site: what most
			// of its pages' menus hold, or which page none links to, is
			// not to be judged from them.
			continue
		}
		// Site checks see every page of the site, but a shard reports only
		// on its own pages.
		for _, f := range engine.CheckSite(g.pages, g.site) {
			if _, mine := suppressions[f.Source]; mine {
				res.Findings = append(res.Findings, f)
			}
		}
	}
	// What the groups kept of their pages is no longer live: the findings
	// are finalised in its memory.
	res.Findings = engine.Rules().Finalize(res.Findings, suppressions)
	if items := engine.HomeItems(); len(items) > 0 && !homeJudged {
		res.HomeItemsSkipped = items
	}
	sayPageNotes(res, &opt)
	for _, w := range directiveWarnings(suppressions, res.Rules, opt.ReportUnusedDisable) {
		opt.Warn(w)
	}
	return res, nil
}

// judgeLinks judges the deferred links of a group's pages, a share of the
// pages per CPU: a site's links to fragments of other pages are many.
func judgeLinks(engine *checks.Engine, g *group, external map[string]checks.ExternalResult) []finding.Finding {
	pages := g.deferred
	workers := min(runtime.NumCPU(), len(pages))
	found := make([][]finding.Finding, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			view := g.site
			if local, ok := g.site.(*localSite); ok {
				view = local.view()
			}
			env := g.env(engine, view)
			env.External = external
			var buf linkBuf
			for i := w; i < len(pages); i += workers {
				found[w] = append(found[w], env.JudgeLinks(pages[i].page(&buf))...)
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...)
}

// env is a view of the run for one goroutine checking the group's pages,
// asking site about their targets.
func (g *group) env(engine *checks.Engine, site checks.Site) *checks.Env {
	env := engine.NewEnv(site)
	env.Remote = g.remote
	return env
}

// unresolved counts the links of a saved page that names no origin which
// no request could judge, and says so on standard error.
func (g *group) unresolved(engine *checks.Engine, opt *Options) int {
	if !g.noOrigin {
		return 0
	}
	total := 0
	for _, d := range g.deferred {
		n := 0
		for i := range d.links {
			if engine.AskURL(d.url, d.href(i), d.target(i)) == "" {
				n++
			}
		}
		if n > 0 {
			opt.Warn(fmt.Sprintf("%s: %d links not checked: the page names no origin (its canonical link or og:url is a path); give --base-url", d.source, n))
		}
		total += n
	}
	return total
}

// prepare fills in the defaults of a run and its network policy.
func (opt *Options) prepare(ctx context.Context) {
	if len(opt.Inputs) == 0 {
		opt.Inputs = []string{"."}
	}
	if opt.Warn == nil {
		opt.Warn = func(string) {}
	}
	opt.policy = networkPolicy(ctx, opt)
	if opt.RenderPolicy == nil {
		// The browser's requests are checked by what their hosts resolve
		// to when it asks (netpolicy.Policy.CheckURL), for the page note;
		// its connections by the address dialled (see startRender).
		opt.RenderPolicy = opt.policy.CheckURL
	}
	opt.notes = &pageNotes{}
}

// networkPolicy decides which addresses the run may reach, as
// docs/SECURITY.md says: public ones always; loopback and private ones
// when an input URL is on such an address (a local or internal site), or
// when --allow-private or links.allowPrivate says so, and never with
// --exclude-private or links.excludePrivate; link-local, metadata and
// unspecified ones never.
func networkPolicy(ctx context.Context, opt *Options) *netpolicy.Policy {
	p := &netpolicy.Policy{Resolve: opt.Resolve}
	l := &opt.Config.Links
	switch {
	case opt.ExcludePrivate || l.ExcludePrivate:
	case opt.AllowPrivate || l.AllowPrivate:
		p.AllowLoopback, p.AllowPrivate = true, true
	default:
		for _, in := range append(urlInputs(opt.Inputs), opt.Sitemaps...) {
			p.AllowInput(ctx, in)
		}
	}
	return p
}

// urlInputs are the inputs that are URLs.
func urlInputs(inputs []string) []string {
	var urls []string
	for _, in := range inputs {
		if IsURL(in) {
			urls = append(urls, in)
		}
	}
	return urls
}

// errorf builds an input error for a source.
func errorf(source, format string, args ...any) error {
	return &InputError{Source: source, Err: fmt.Errorf(format, args...)}
}

// Extract reads the inputs into page models without checking them.
func Extract(ctx context.Context, opt Options) ([]*page.Page, []error, error) {
	opt.prepare(ctx)
	groups, pageErrs, err := readInputs(ctx, &opt, nil)
	if err != nil {
		return nil, nil, err
	}
	var pages []*page.Page
	for _, g := range groups {
		pages = append(pages, g.models...)
	}
	if len(pages) == 0 && len(pageErrs) > 0 {
		return nil, nil, pageErrs[0]
	}
	return pages, pageErrs, nil
}
