// Package lint runs a whole lint: it reads the inputs into page models (each
// page parsed once, by a pool of workers), checks external links, runs the
// checks and returns the findings. The CLI is a thin layer over Run.
package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/report"
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
	// ExcludePrivate skips external URLs on loopback and private addresses.
	ExcludePrivate bool

	Render     bool
	RenderWait time.Duration
	Crawl      bool
	MaxPages   int
	MaxDepth   int
	Sitemaps   []string

	// Shard lints a deterministic share of the pages; zero means all.
	Shard report.Shard

	// Progress receives the link checker's progress bar; nil for none.
	Progress io.Writer
	// Warn receives one-line warnings (cache trouble, skipped URLs).
	Warn func(string)
	// Version goes into the link checker's User-Agent.
	Version string
}

// Result of a run.
type Result struct {
	Pages        []*page.Page
	Findings     []checks.Finding
	LinksChecked int
	Offline      bool
	// PageErrors are pages that could not be read or parsed; the rest of
	// their site was still linted.
	PageErrors []error
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
	pages []*page.Page // every page of the site
	mine  []*page.Page // the pages of this shard
	site  checks.Site
}

// Run lints the inputs.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if len(opt.Inputs) == 0 {
		opt.Inputs = []string{"."}
	}
	if opt.Warn == nil {
		opt.Warn = func(string) {}
	}
	groups, pageErrs, err := readInputs(ctx, &opt)
	if err != nil {
		return nil, err
	}
	res := &Result{PageErrors: pageErrs, Offline: opt.Offline || !externalEnabled(opt.Config)}
	for _, g := range groups {
		g.mine = shard(g.pages, opt.Shard)
		res.Pages = append(res.Pages, g.mine...)
	}
	if len(res.Pages) == 0 {
		if len(pageErrs) > 0 {
			return nil, pageErrs[0]
		}
		return nil, errors.New("no pages to lint")
	}
	external, checked, err := checkExternal(ctx, &opt, res.Pages)
	if err != nil {
		return nil, err
	}
	res.LinksChecked = checked
	bySource := make(map[string]*page.Page, len(res.Pages))
	for _, p := range res.Pages {
		bySource[p.Source] = p
	}
	for _, g := range groups {
		env := &checks.Env{Config: opt.Config, Now: opt.Now, Site: g.site, External: external}
		res.Findings = append(res.Findings, checkPages(g.mine, env)...)
		// Site checks see every page of the site, but a shard reports only
		// on its own pages.
		for _, f := range checks.RunSite(g.pages, env) {
			if bySource[f.Source] != nil {
				res.Findings = append(res.Findings, f)
			}
		}
	}
	res.Findings = checks.Finalize(res.Findings, bySource, opt.Config)
	return res, nil
}

// shard keeps this run's share of the pages. Site-wide facts were gathered
// from all pages before.
func shard(pages []*page.Page, sh report.Shard) []*page.Page {
	if sh.Count <= 1 {
		return pages
	}
	sources := make([]string, len(pages))
	for i, p := range pages {
		sources[i] = p.Source
	}
	mine := map[string]bool{}
	for _, s := range sh.Select(sources) {
		mine[s] = true
	}
	var out []*page.Page
	for _, p := range pages {
		if mine[p.Source] {
			out = append(out, p)
		}
	}
	return out
}

func externalEnabled(cfg *schema.Config) bool {
	return cfg.Links.External == nil || *cfg.Links.External
}

// errorf builds an input error for a source.
func errorf(source, format string, args ...any) error {
	return &InputError{Source: source, Err: fmt.Errorf(format, args...)}
}

// checkPages runs the page checks with one worker per CPU.
func checkPages(pages []*page.Page, env *checks.Env) []checks.Finding {
	results := make([][]checks.Finding, len(pages))
	var eg errgroup.Group
	eg.SetLimit(runtime.NumCPU())
	for i, p := range pages {
		eg.Go(func() error {
			results[i] = checks.RunPage(p, env)
			return nil
		})
	}
	_ = eg.Wait()
	var out []checks.Finding
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

// Extract reads the inputs into page models without checking them.
func Extract(ctx context.Context, opt Options) ([]*page.Page, []error, error) {
	if len(opt.Inputs) == 0 {
		opt.Inputs = []string{"."}
	}
	if opt.Warn == nil {
		opt.Warn = func(string) {}
	}
	groups, pageErrs, err := readInputs(ctx, &opt)
	if err != nil {
		return nil, nil, err
	}
	var pages []*page.Page
	for _, g := range groups {
		pages = append(pages, g.pages...)
	}
	if len(pages) == 0 && len(pageErrs) > 0 {
		return nil, nil, pageErrs[0]
	}
	return pages, pageErrs, nil
}
