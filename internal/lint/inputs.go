package lint

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
)

// job is one local page to read and parse.
type job struct {
	file     string // path on disk
	source   string // name in findings
	sitePath string // "/about/index.html"
}

// readInputs turns the inputs into groups of parsed pages. A page of a site
// that cannot be read is returned in pageErrs; an input that cannot be
// read at all fails the run.
//
// With an engine, each page is checked as soon as it is read and only the
// engine's index of it is kept; without one (extract), the full models are.
func readInputs(ctx context.Context, opt *Options, engine *checks.Engine) (groups []*group, pageErrs []error, err error) {
	if err := checkTextSnapshots(opt); err != nil {
		return nil, nil, err
	}
	var urls []string
	fileGroups := map[string]*localGroup{} // by site root
	var order []string
	for _, in := range opt.Inputs {
		switch {
		case in == "-":
			g, err := readStdin(opt)
			if err != nil {
				return nil, nil, err
			}
			groups = append(groups, checkRead(g, engine, opt))
		case IsURL(in):
			urls = append(urls, in)
		default:
			info, err := os.Stat(in)
			if err != nil {
				return nil, nil, errorf(in, "%s", describeStatError(err))
			}
			if !info.IsDir() && !info.Mode().IsRegular() {
				// A FIFO would hang the run; "-" is how standard input is read.
				return nil, nil, errorf(in, "%v (give - to read standard input)", fsutil.RegularError(info.Mode()))
			}
			root := in
			switch {
			case info.IsDir():
			case opt.OnlyPages:
				var ok bool
				if root, ok = hookRoot(in, opt); !ok || !isHookPage(in, opt) {
					continue
				}
			default:
				root = fileRoot(in, opt)
			}
			lg := fileGroups[root]
			if lg == nil {
				site, err := source.Walk(root, opt.Config.Ignore)
				if err != nil {
					return nil, nil, errorf(root, "%v", err)
				}
				lg = &localGroup{root: root, site: site}
				fileGroups[root] = lg
				order = append(order, root)
			}
			if info.IsDir() {
				if len(lg.site.Pages) == 0 {
					return nil, nil, errorf(in, "no pages found (no *.html or *.htm files)")
				}
				for _, rel := range lg.site.Pages {
					lg.add(filepath.Join(in, filepath.FromSlash(rel)), "/"+rel)
				}
			} else {
				rel, err := filepath.Rel(root, in)
				if err == nil && strings.HasPrefix(rel, "..") && opt.OnlyPages && isTextSnapshot(in, opt) {
					// A snapshot kept beside the site, not in it: a
					// rendering of a page, whose links are the site's.
					rel = filepath.Base(in)
				}
				if err != nil || strings.HasPrefix(rel, "..") {
					return nil, nil, errorf(in, "file is outside the site root %q", root)
				}
				lg.add(in, "/"+filepath.ToSlash(rel))
			}
		}
	}
	for _, root := range order {
		g, errs, err := fileGroups[root].parse(ctx, opt, engine)
		if err != nil {
			return nil, nil, err
		}
		pageErrs = append(pageErrs, errs...)
		if len(g.pages) > 0 || len(g.models) > 0 {
			groups = append(groups, g)
		}
	}
	if len(urls) > 0 {
		g, errs, err := readURLs(ctx, opt, urls)
		if err != nil {
			return nil, nil, err
		}
		pageErrs = append(pageErrs, errs...)
		groups = append(groups, checkRead(g, engine, opt))
	}
	return groups, pageErrs, nil
}

// IsURL reports whether an input is an http(s) URL rather than a path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func describeStatError(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file or directory"
	}
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	return err.Error()
}

// fileRoot is a single file's site root: the config's site.root (relative
// to the config file) when set, else the file's own directory.
func fileRoot(file string, opt *Options) string {
	if r := opt.Config.SiteRoot(); r != "" {
		abs, err1 := filepath.Abs(r)
		f, err2 := filepath.Abs(file)
		if err1 == nil && err2 == nil && strings.HasPrefix(f, abs+string(filepath.Separator)) {
			return relToCwd(abs)
		}
	}
	return filepath.Dir(file)
}

func relToCwd(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return abs
}

// formatOf says how a file is read: .txt and .md, and the files
// site.textSnapshots names, are rendered-text snapshots unless
// --input-format says otherwise.
func formatOf(name string, opt *Options) string {
	if opt.InputFormat != "" {
		return opt.InputFormat
	}
	if isTextSnapshot(name, opt) {
		return "text"
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".markdown":
		return "text"
	}
	return "html"
}

func readStdin(opt *Options) (*group, error) {
	if opt.Stdin == nil {
		return nil, errorf("-", "no standard input")
	}
	data, err := source.ReadAll(opt.Stdin, opt.Config.MaxPageSize())
	if err != nil {
		return nil, errorf("-", "%v", err)
	}
	p, err := parse(data, "-", "/index.html", formatOf("-", opt), opt)
	if err != nil {
		return nil, &InputError{Source: "-", Err: err}
	}
	return &group{models: []*page.Page{p}, anchors: map[string]map[string]bool{p.URL: anchorSet(p)}}, nil
}

// checkRead checks the pages of a group that was read whole (standard
// input, URLs), in order.
func checkRead(g *group, engine *checks.Engine, opt *Options) *group {
	if engine == nil {
		return g
	}
	sources := make([]string, len(g.models))
	for i, p := range g.models {
		sources[i] = p.Source
	}
	mine := mineOf(sources, opt.Shard)
	out := &group{site: g.site, anchors: map[string]map[string]bool{}, known: g.known, crawlOrigins: g.crawlOrigins, budget: g.budget}
	env, links := engine.NewEnv(g.site), newLinkTable()
	env.Reading = true
	for _, p := range g.models {
		out.add(checkPage(engine, env, p, mine(p.Source), links), mine(p.Source))
	}
	return out
}

// add keeps what is left of a checked page.
func (g *group) add(c checked, mine bool) {
	g.pages = append(g.pages, c.index)
	g.anchors[c.index.URL] = c.anchors
	if !mine {
		return
	}
	g.mine = append(g.mine, c.index)
	g.findings = append(g.findings, c.findings...)
	if c.deferred != nil {
		g.deferred = append(g.deferred, c.deferred)
	}
}

// anchorSet is the set of a page's anchors, in strings of its own: the
// model's strings share memory with the rest of the page.
func anchorSet(p *page.Page) map[string]bool {
	set := make(map[string]bool, len(p.Anchors))
	for _, a := range p.Anchors {
		set[intern(a)] = true
	}
	return set
}
