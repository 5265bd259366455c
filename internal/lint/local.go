package lint

import (
	"context"
	"path/filepath"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// localGroup gathers the pages of one site root before they are parsed.
type localGroup struct {
	root string
	site *source.Site
	jobs []job
	seen map[string]bool
}

func (lg *localGroup) add(file, sitePath string) {
	if lg.seen == nil {
		lg.seen = map[string]bool{}
	}
	if lg.seen[sitePath] {
		return
	}
	lg.seen[sitePath] = true
	lg.jobs = append(lg.jobs, job{file: file, source: filepath.ToSlash(file), sitePath: sitePath})
}

// parse reads and parses the group's pages with one worker per CPU, each
// page once, and checks each as soon as it is parsed (with engine; without
// one, extract, it keeps the models): the DOM of a page is gone when its
// worker moves on, and its model soon after.
func (lg *localGroup) parse(ctx context.Context, opt *Options, engine *checks.Engine) (*group, []error, error) {
	pages := make([]*page.Page, len(lg.jobs))
	results := make([]checked, len(lg.jobs))
	errs := make([]error, len(lg.jobs))
	var render *renderSession
	if opt.Render {
		var err error
		if render, err = startRender(ctx, opt, lg.root); err != nil {
			return nil, nil, err
		}
		defer render.close()
	}
	sources := make([]string, len(lg.jobs))
	for i, j := range lg.jobs {
		sources[i] = j.source
	}
	mine := mineOf(sources, opt.Shard)
	site := &localSite{files: lg.site}
	eg, ctx := errgroup.WithContext(ctx)
	workers := runtime.NumCPU()
	if render != nil {
		workers = render.tabs
	}
	limit := opt.Config.MaxPageSize()
	// Workers take the pages in turn, each with a view of the site of its
	// own.
	var next atomic.Int64
	for range min(workers, len(lg.jobs)) {
		eg.Go(func() error {
			var env *checks.Env
			if engine != nil {
				env = engine.NewEnv(site.view())
				env.Reading = true
			}
			links := newLinkTable()
			var buf []byte // the page being read
			for {
				i := int(next.Add(1)) - 1
				if i >= len(lg.jobs) || ctx.Err() != nil {
					return ctx.Err()
				}
				j := lg.jobs[i]
				var p *page.Page
				var err error
				if render != nil {
					p, err = render.page(ctx, j.sitePath, j.source, opt)
				} else {
					p, err = readLocal(j, limit, opt, &buf)
				}
				if err != nil {
					// One unreadable page is reported; the rest of the
					// site is still linted.
					errs[i] = &InputError{Source: j.source, Err: err}
					continue
				}
				p.Home = j.sitePath == "/index.html" || j.sitePath == "/index.htm"
				if engine != nil {
					results[i] = checkPage(engine, env, p, mine(j.source), links)
					site.addAnchors(p.URL, results[i].anchors)
				} else {
					pages[i] = p
				}
			}
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, nil, err
	}
	g := &group{site: site, anchors: map[string]map[string]bool{}}
	var pageErrs []error
	for i := range lg.jobs {
		switch {
		case errs[i] != nil:
			pageErrs = append(pageErrs, errs[i])
		case engine == nil:
			g.models = append(g.models, pages[i])
			g.anchors[pages[i].URL] = anchorSet(pages[i])
		default:
			g.add(results[i], mine(lg.jobs[i].source))
		}
	}
	site.anchorsMu.Lock()
	site.anchors = g.anchors
	site.anchorsMu.Unlock()
	return g, pageErrs, nil
}

// readLocal reads and parses the page of j. Its bytes go into *buf, which
// the worker's next page reuses (the model keeps none of them); the buffer
// of a page of more than a few megabytes is not kept.
func readLocal(j job, limit int64, opt *Options, buf *[]byte) (*page.Page, error) {
	data, err := source.ReadFileInto(*buf, j.file, limit)
	if err != nil {
		return nil, err
	}
	if cap(data) <= maxKeptBuffer {
		*buf = data
	}
	return parse(data, j.source, j.sitePath, formatOf(j.file, opt), opt)
}

const maxKeptBuffer = 1 << 20
