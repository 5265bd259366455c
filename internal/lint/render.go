package lint

import (
	"context"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/source"
)

// renderSession is one browser for the run, and for local sites a loopback
// server that serves the site root so that scripts and relative assets load.
type renderSession struct {
	renderer *source.Renderer
	base     string // the loopback server's URL, without a trailing slash
	stop     func()
	tabs     int
}

const renderTabs = 4

func startRender(ctx context.Context, opt *Options, root string) (*renderSession, error) {
	r, err := source.NewRenderer(ctx, source.RenderOptions{Wait: opt.RenderWait, Tabs: renderTabs})
	if err != nil {
		return nil, err
	}
	s := &renderSession{renderer: r, tabs: renderTabs, stop: func() {}}
	if root != "" {
		base, stop, err := source.ServeDir(root)
		if err != nil {
			_ = r.Close()
			return nil, err
		}
		s.base, s.stop = strings.TrimSuffix(base, "/"), stop
	}
	return s, nil
}

func (s *renderSession) close() {
	s.stop()
	_ = s.renderer.Close()
}

// page renders a local page and models its DOM as if it lived at its site
// path, so that links resolve inside the site as they do in the source.
func (s *renderSession) page(ctx context.Context, sitePath, src string, opt *Options) (*page.Page, error) {
	html, _, err := s.renderer.Render(ctx, s.base+sitePath)
	if err != nil {
		return nil, err
	}
	p, err := htmlpage.Parse([]byte(html), htmlOptions(src, sitePath, page.FormatDOM, opt))
	if err != nil {
		return nil, err
	}
	s.unserve(p)
	return p, nil
}

// remote renders a fetched page.
func (s *renderSession) remote(ctx context.Context, given, url string, opt *Options) (*page.Page, error) {
	html, final, err := s.renderer.Render(ctx, url)
	if err != nil {
		return nil, err
	}
	return htmlpage.Parse([]byte(html), htmlOptions(given, final, page.FormatDOM, opt))
}

// unserve turns targets that scripts made absolute on the loopback server
// back into site paths.
func (s *renderSession) unserve(p *page.Page) {
	fix := func(t string) string {
		if rest, ok := strings.CutPrefix(t, s.base); ok && (rest == "" || rest[0] == '/') {
			if rest == "" {
				return "/"
			}
			return rest
		}
		return t
	}
	for _, l := range p.Links {
		l.Target = fix(l.Target)
	}
	for _, e := range p.Controls {
		e.Target = fix(e.Target)
	}
}
