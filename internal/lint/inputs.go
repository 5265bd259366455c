package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/schema"
)

// job is one local page to read and parse.
type job struct {
	file     string // path on disk
	source   string // name in findings
	sitePath string // "/about/index.html"
	// loose: the page's relative links lead where they lead on disk from
	// its file (see place).
	loose bool
	// model is the page already read (standard input); nil for a file.
	model *page.Page
}

// readInputs turns the inputs into groups of parsed pages. A page of a site
// that cannot be read is returned in pageErrs; an input that cannot be
// read at all fails the run.
//
// With an engine, each page is checked as soon as it is read and only the
// engine's index of it is kept; without one (extract), the full models are.
func readInputs(ctx context.Context, opt *Options, engine *checks.Engine) (groups []*group, pageErrs []error, err error) {
	if err := checkSiteRoot(opt.Config); err != nil {
		return nil, nil, err
	}
	if err := checkTextSnapshots(opt); err != nil {
		return nil, nil, err
	}
	var urls []string
	sites := newLocalGroups(opt)
	for _, in := range opt.Inputs {
		switch {
		case in == "-":
			g, err := readStdin(opt, sites)
			if err != nil {
				return nil, nil, err
			}
			if g != nil {
				groups = append(groups, checkRead(g, engine, opt))
			}
		case IsURL(in):
			urls = append(urls, in)
		default:
			g, err := sites.addInput(in)
			if err != nil {
				return nil, nil, err
			}
			if g != nil {
				groups = append(groups, checkRead(g, engine, opt))
			}
		}
	}
	opt.unanswered = noAnswers(opt, urls, groups)
	for _, lg := range sites.order {
		g, errs, err := lg.parse(ctx, opt, engine)
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

// noAnswers reports whether no URL that the links of the local sites ask
// can have an answer in this run, before they are read: the run asks none
// (offline) and knows none — no URL input is fetched or crawled, and no
// page read so far (a saved page, the only other kind read before the
// sites) lives on a server whose URLs the sites' links could name.
func noAnswers(opt *Options, urls []string, groups []*group) bool {
	if opt.Config.Links.CheckExternal() && !opt.Offline || len(urls) > 0 || len(opt.Sitemaps) > 0 {
		return false
	}
	for _, g := range groups {
		if g.remote || len(g.known) > 0 {
			return false
		}
		for u := range g.anchors {
			if IsURL(u) {
				return false
			}
		}
	}
	return true
}

// checkSiteRoot fails a run whose config names a site.root that is no
// directory: the links of single files would be judged against nothing.
func checkSiteRoot(cfg *schema.Config) error {
	root := cfg.SiteRoot()
	if root == "" || dirExists(root) {
		return nil
	}
	return &schema.Error{File: cfg.Path, Pointer: "/site/root", Msg: fmt.Sprintf("directory %q does not exist", cfg.Site.Root)}
}

// localGroups gathers the local pages of the inputs by site root.
type localGroups struct {
	opt    *Options
	byRoot map[string]*localGroup // by absolute root
	order  []*localGroup
	dirs   []string // the directory inputs, absolute
}

func newLocalGroups(opt *Options) *localGroups {
	ls := &localGroups{opt: opt, byRoot: map[string]*localGroup{}}
	for _, in := range opt.Inputs {
		if in == "-" || IsURL(in) {
			continue
		}
		if info, err := os.Stat(in); err == nil && info.IsDir() {
			ls.dirs = append(ls.dirs, absPath(in))
		}
	}
	return ls
}

// group is the group of the site rooted at root, walked once.
func (ls *localGroups) group(root string) (*localGroup, error) {
	lg := ls.unwalked(root)
	if lg.site == nil {
		site, err := source.Walk(root, ls.opt.Config.Ignore)
		if err != nil {
			return nil, errorf(root, "%v", err)
		}
		lg.site = site
	}
	return lg, nil
}

// unwalked is the group of the site rooted at root, which no directory
// input needed walked so far.
func (ls *localGroups) unwalked(root string) *localGroup {
	key := absPath(root)
	lg := ls.byRoot[key]
	if lg == nil {
		lg = &localGroup{root: root}
		ls.byRoot[key] = lg
		ls.order = append(ls.order, lg)
	}
	return lg
}

// addStdin adds the page of standard input to the site rooted at root.
// That site is walked only when a directory input needs it: its files are
// otherwise looked up as standard input's links need them (the current
// directory may be a home directory).
func (ls *localGroups) addStdin(root string, p *page.Page) {
	ls.unwalked(root).add(job{source: "-", sitePath: p.URL, model: p})
}

// addInput adds a file or directory input to its site; a page saved from
// the web is a site of its own, returned read.
func (ls *localGroups) addInput(in string) (*group, error) {
	info, err := os.Stat(in)
	if err != nil {
		return nil, errorf(in, "%s", describeStatError(err))
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		// A FIFO would hang the run; "-" is how standard input is read.
		return nil, errorf(in, "%v (give - to read standard input)", fsutil.RegularError(info.Mode()))
	}
	if info.IsDir() {
		lg, err := ls.group(in)
		if err != nil {
			return nil, err
		}
		if len(lg.site.Pages) == 0 {
			return nil, errorf(in, "no pages found (no *.html or *.htm files)")
		}
		dir := absPath(in)
		lg.expect(len(lg.site.Pages))
		for _, rel := range lg.site.Pages {
			j := job{file: filepath.Join(in, filepath.FromSlash(rel)), sitePath: "/" + rel}
			abs := j.file // the input is absolute: so are its pages' paths
			if dir != in {
				abs = filepath.Join(dir, filepath.FromSlash(rel))
			}
			lg.addFile(j, abs)
		}
		return nil, nil
	}
	if ls.opt.OnlyPages {
		return nil, ls.addHookPage(in)
	}
	pl := ls.placeFile(in)
	if pl.saved {
		return readSaved(in, pl, ls.opt)
	}
	// A file's site is walked only when a directory input needs its pages
	// listed: its links' targets are otherwise looked up as the walk would
	// find them (source.LazySite), since a page's own directory may be a
	// home directory or /tmp.
	ls.unwalked(pl.root).add(job{file: in, sitePath: pl.url, loose: pl.loose})
	return nil, nil
}

// addHookPage adds a file that --only-pages lints (what a pre-commit hook
// hands over) to the site of the config (see hookRoot), whatever the page
// declares; a file that is no page of it is left out.
func (ls *localGroups) addHookPage(in string) error {
	root, ok := hookRoot(in, ls.opt)
	if !ok || !isHookPage(in, ls.opt) {
		return nil
	}
	rel, err := filepath.Rel(root, in)
	if err == nil && climbs(rel) && isTextSnapshot(in, ls.opt) {
		// A snapshot kept beside the site, not in it: a rendering of a
		// page, whose links are the site's.
		rel = filepath.Base(in)
	}
	if err != nil || climbs(rel) {
		return errorf(in, "file is outside the site root %q", root)
	}
	lg, err := ls.group(root)
	if err != nil {
		return err
	}
	lg.add(job{file: in, sitePath: "/" + filepath.ToSlash(rel)})
	return nil
}

// placeFile decides where a file input stands (see place): in a directory
// input that holds it, in site.root, where the address it declares
// locates it, at that address on the web, or at the root of its own
// directory. Text snapshots and rendered pages stand where they stood
// before pages declared addresses: below site.root, else in their own
// directory.
func (ls *localGroups) placeFile(file string) place {
	abs := absPath(file)
	for _, d := range ls.dirs {
		if rel, err := filepath.Rel(d, abs); err == nil && !climbs(rel) {
			return place{root: relToCwd(d), url: "/" + filepath.ToSlash(rel)}
		}
	}
	opt := ls.opt
	root := opt.Config.SiteRoot()
	if root != "" {
		root = relToCwd(absPath(root))
	}
	if formatOf(file, opt) == "text" || opt.Render {
		if rel, err := filepath.Rel(absPath(root), abs); root != "" && err == nil && !climbs(rel) {
			return place{root: root, url: "/" + filepath.ToSlash(rel)}
		}
		return place{root: filepath.Dir(file), url: "/" + filepath.Base(file)}
	}
	// The page says where it lives: parse it once as a page of its own
	// directory to learn it — unless its bytes cannot say it, which spares
	// a page that declares nothing (a large one above all) a second parse.
	p := &page.Page{}
	if data, err := source.ReadFile(file, opt.Config.MaxPageSize()); err == nil && mayDeclareAddress(data) {
		if parsed, err := parse(data, file, "/"+filepath.Base(file), "html", opt); err == nil {
			p = parsed
		}
	}
	return placeFile(file, p, root, opt.Config.Site.BaseURL)
}

// Reads reports whether a run of opt is known, before it starts, to read
// file as a page: it is a file input (unless OnlyPages, which may leave it
// out), or a directory input lists it (see source.Lists).
func Reads(opt *Options, file string) bool {
	for _, in := range opt.Inputs {
		if in == "-" || IsURL(in) {
			continue
		}
		info, err := os.Stat(in)
		switch {
		case err != nil:
		case info.IsDir():
			if source.Lists(in, opt.Config.Ignore, file) {
				return true
			}
		case !opt.OnlyPages && fsutil.SameFile(in, file):
			return true
		}
	}
	return false
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

// readStdin reads the page of standard input. It is a page of the site
// below site.root, else the current directory (see placeStdin): returned
// as a group of its own when it was saved from the web, else added to
// that site's pages.
func readStdin(opt *Options, sites *localGroups) (*group, error) {
	if opt.Stdin == nil {
		return nil, errorf("-", "no standard input")
	}
	data, err := source.ReadAll(opt.Stdin, opt.Config.MaxPageSize())
	if err != nil {
		return nil, errorf("-", "%v", err)
	}
	format := formatOf("-", opt)
	p, err := parse(data, "-", "/index.html", format, opt)
	if err != nil {
		return nil, &InputError{Source: "-", Err: err}
	}
	root := opt.Config.SiteRoot()
	if root != "" {
		root = relToCwd(absPath(root))
	}
	pl := place{root: root, url: "/index.html"}
	if format == "html" {
		pl = placeStdin(p, root, opt.Config.Site.BaseURL)
	}
	if pl.saved {
		if p, err = parse(data, "-", pl.url, format, opt); err != nil {
			return nil, &InputError{Source: "-", Err: err}
		}
		return savedGroup(p, pl), nil
	}
	if pl.root == "" {
		pl.root = "."
	}
	if pl.url != p.URL {
		if p, err = parse(data, "-", pl.url, format, opt); err != nil {
			return nil, &InputError{Source: "-", Err: err}
		}
	}
	sites.addStdin(pl.root, p)
	return nil, nil
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
	out := &group{site: g.site, remote: g.remote, noOrigin: g.noOrigin, anchors: map[string]map[string]bool{}, known: g.known, crawl: g.crawl}
	env, anchors := g.env(engine, g.site), newAnchorSets()
	env.Reading = true
	for _, p := range g.models {
		out.add(checkPage(engine, env, p, mine(p.Source), anchors), mine(p.Source))
	}
	return out
}

// judgedHome reports whether the group's home page was read and has
// content of its own, so that its home-page items were judged.
func (g *group) judgedHome() bool {
	for _, p := range g.pages {
		if p.Home && p.Kind == checks.ContentPage {
			return true
		}
	}
	return false
}

// add keeps what is left of a checked page.
func (g *group) add(c checked, mine bool) {
	g.pages = append(g.pages, c.index)
	g.anchors[c.index.URL] = c.anchors
	if !mine {
		return
	}
	g.mine = append(g.mine, c.index)
	g.findings = finding.Append(g.findings, c.findings)
	if c.deferred != nil {
		g.deferred = append(g.deferred, c.deferred)
	}
}

// mayDeclareAddress: the page's bytes hold what declaredAddress reads — a
// <base> element, a "canonical" rel or an og:url property — in any case. A
// page that spells them with character references ("og&colon;url") is
// read as declaring no address.
func mayDeclareAddress(data []byte) bool {
	for _, word := range []string{"<base", "canonical", "og:url"} {
		if page.ContainsFold(data, word) {
			return true
		}
	}
	return false
}
