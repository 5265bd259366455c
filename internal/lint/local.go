package lint

import (
	"context"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// localGroup gathers the pages of one site root before they are parsed.
type localGroup struct {
	root string
	site *source.Site // nil when no input needed the site walked
	jobs []job
	seen map[string]bool // files added
}

// add adds a page, a file once however many inputs name it.
func (lg *localGroup) add(j job) {
	if j.model != nil {
		lg.jobs = append(lg.jobs, j)
		return
	}
	lg.addFile(j, absPath(j.file))
}

// expect makes room for n more pages, which the walk of a directory
// input lists at once.
func (lg *localGroup) expect(n int) {
	lg.jobs = slices.Grow(lg.jobs, n)
	if lg.seen == nil {
		lg.seen = make(map[string]bool, n)
	}
}

// addFile adds the page of the file j, whose absolute path is abs, unless
// an input named it already. A directory's pages pass the directory's
// absolute path joined to theirs: filepath.Abs asks the system for the
// working directory (two stat calls) at every page.
func (lg *localGroup) addFile(j job, abs string) {
	if lg.seen == nil {
		lg.seen = map[string]bool{}
	}
	if lg.seen[abs] {
		return
	}
	lg.seen[abs] = true
	j.source = pathSource(j.file)
	lg.jobs = append(lg.jobs, j)
}

// pathSource names a file in findings: its path as given, with slashes.
func pathSource(file string) string { return filepath.ToSlash(file) }

// home is the site path of the group's home page: the root's index page,
// else the group's one page — a page linted on its own is its site's page
// under test, home-page items and all (docs/inputs.md). "" when the group
// has several pages and no root index page.
func (lg *localGroup) home() string {
	for _, j := range lg.jobs {
		if j.sitePath == "/index.html" || j.sitePath == "/index.htm" {
			return j.sitePath
		}
	}
	if len(lg.jobs) == 1 {
		return lg.jobs[0].sitePath
	}
	return ""
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
	home := lg.home()
	site := &localSite{root: lg.root, files: lg.site, readAnchors: anchorReader(opt)}
	if lg.site == nil {
		site.lazy = source.NewLazySite(lg.root)
	}
	eg, ctx := errgroup.WithContext(ctx)
	workers := runtime.NumCPU()
	if render != nil {
		workers = render.tabs
	}
	limit := opt.Config.MaxPageSize()
	// Workers take the pages in turn, each with a view of the site of its
	// own.
	var next atomic.Int64
	workers = min(workers, len(lg.jobs))
	unasked := make([]urlSet, workers)
	for w := range workers {
		unasked[w] = urlSet{}
		eg.Go(func() error {
			var env *checks.Env
			if engine != nil {
				env = engine.NewEnv(site.view())
				env.Reading = true
				env.Unanswered = opt.unanswered
			}
			anchors := newAnchorSets()
			var buf []byte // the page being read
			for {
				i := int(next.Add(1)) - 1
				if i >= len(lg.jobs) || ctx.Err() != nil {
					return ctx.Err()
				}
				j := lg.jobs[i]
				var p *page.Page
				var err error
				switch {
				case j.model != nil:
					p = j.model
				case render != nil:
					p, err = render.page(ctx, j.sitePath, j.source, opt)
				default:
					p, err = readLocal(j, lg.root, limit, opt, &buf)
				}
				if err != nil {
					// One unreadable page is reported; the rest of the
					// site is still linted.
					errs[i] = &InputError{Source: j.source, Err: err}
					continue
				}
				p.Home = j.sitePath == home
				if engine != nil {
					results[i] = checkPage(engine, env, p, mine(j.source), anchors)
					site.addAnchors(p.URL, results[i].anchors)
					unasked[w].add(results[i].unasked)
					results[i].unasked = nil
				} else {
					pages[i] = p
				}
			}
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, nil, err
	}
	// The site's anchors, gathered as the pages were read, are the group's
	// (one map, not a copy of it).
	if site.anchors == nil {
		site.anchors = map[string]map[string]bool{}
	}
	g := &group{site: site, anchors: site.anchors, unasked: urlSet{}}
	for _, set := range unasked {
		maps.Copy(g.unasked, set)
	}
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
	site.read.Store(true)
	return g, pageErrs, nil
}

// readLocal reads and parses the page of j. Its bytes go into *buf, which
// the worker's next page reuses (the model keeps none of them); the buffer
// of a page of more than a megabyte is not kept.
func readLocal(j job, root string, limit int64, opt *Options, buf *[]byte) (*page.Page, error) {
	data, err := source.ReadFileInto(*buf, j.file, limit)
	if err != nil {
		return nil, err
	}
	if cap(data) <= maxKeptBuffer {
		*buf = data
	}
	p, err := parse(data, j.source, j.sitePath, formatOf(j.file, opt), opt)
	if err == nil && j.loose {
		onDisk(p, j.file, root)
	}
	return p, err
}

// anchorReader reads the anchors of a page that no input named, for the
// fragment links of the pages that link to it; a page it cannot read is
// named in a warning, and the links to it are not judged.
func anchorReader(opt *Options) func(file string) (map[string]bool, bool) {
	return func(file string) (map[string]bool, bool) {
		data, err := source.ReadFile(file, opt.Config.MaxPageSize())
		var p *page.Page
		if err == nil {
			p, err = parse(data, pathSource(file), "/", "html", opt)
		}
		if err != nil {
			opt.Warn(pathSource(file) + ": cannot read anchors: " + err.Error())
			return nil, false
		}
		return anchorSet(p), true
	}
}

const maxKeptBuffer = 1 << 20
