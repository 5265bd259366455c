package lint

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

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
	wait     time.Duration
}

const renderTabs = 4

func startRender(ctx context.Context, opt *Options, root string) (*renderSession, error) {
	s := &renderSession{tabs: renderTabs, stop: func() {}, wait: opt.RenderWait}
	if s.wait <= 0 {
		s.wait = source.DefaultRenderWait
	}
	if root != "" {
		base, stop, err := source.ServeDir(root)
		if err != nil {
			return nil, err
		}
		s.base, s.stop = strings.TrimSuffix(base, "/"), stop
	}
	r, err := source.NewRenderer(ctx, source.RenderOptions{
		Wait: s.wait, Tabs: renderTabs,
		Policy: s.allowServer(opt.RenderPolicy),
		Dial:   s.dialServer(opt.policy.DialContext(&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second})),
	})
	if err != nil {
		s.stop()
		return nil, err
	}
	s.renderer = r
	return s, nil
}

// allowServer lets the browser's requests reach the session's own file
// server, which is on loopback, whatever the policy says of other
// addresses; dialServer lets the browser's proxy connect to it.
func (s *renderSession) allowServer(policy func(*url.URL) error) func(*url.URL) error {
	own := s.serverURL()
	if policy == nil || own == nil {
		return policy
	}
	return func(u *url.URL) error {
		if u.Scheme == own.Scheme && u.Host == own.Host {
			return nil
		}
		return policy(u)
	}
}

func (s *renderSession) dialServer(dial source.DialFunc) source.DialFunc {
	own := s.serverURL()
	if own == nil {
		return dial
	}
	direct := &net.Dialer{Timeout: 30 * time.Second}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr == own.Host {
			return direct.DialContext(ctx, network, addr)
		}
		return dial(ctx, network, addr)
	}
}

// serverURL is the URL of the session's own file server; nil without one.
func (s *renderSession) serverURL() *url.URL {
	if s.base == "" {
		return nil
	}
	own, err := url.Parse(s.base)
	if err != nil {
		return nil
	}
	return own
}

func (s *renderSession) close() {
	s.stop()
	_ = s.renderer.Close()
}

// page renders a local page and models its DOM as if it lived at its site
// path, so that links resolve inside the site as they do in the source; its
// items carry the positions of the source elements they come from, and the
// source's suppression comments apply.
func (s *renderSession) page(ctx context.Context, sitePath, src string, opt *Options) (*page.Page, error) {
	res, err := s.renderer.Render(ctx, s.base+sitePath)
	if err != nil {
		return nil, err
	}
	opt.noteRead(len(res.HTML))
	p, err := htmlpage.Parse([]byte(res.HTML), htmlOptions(src, sitePath, page.FormatDOM, opt))
	if err != nil {
		return nil, err
	}
	sourcePositions(p, res.HTML)
	if data, err := source.ReadFile(filepath.FromSlash(src), opt.Config.MaxPageSize()); err == nil {
		if own, err := htmlpage.Parse(data, htmlOptions(src, sitePath, page.FormatHTML, opt)); err == nil {
			p.Suppressions = own.Suppressions
		}
	}
	s.unserve(p)
	s.noteOn(p, res, opt)
	return p, nil
}

// remote renders a fetched page.
func (s *renderSession) remote(ctx context.Context, given, url string, opt *Options) (*page.Page, error) {
	res, err := s.renderer.Render(ctx, url)
	if err != nil {
		return nil, err
	}
	opt.noteRead(len(res.HTML))
	p, err := htmlpage.Parse([]byte(res.HTML), htmlOptions(given, res.URL, page.FormatDOM, opt))
	if err != nil {
		return nil, err
	}
	s.noteOn(p, res, opt)
	return p, nil
}

// noteOn gives a page what the rendering found out of the ordinary: a page
// that left for another address is a redirect, as a meta refresh makes one;
// a note says so, and says when the page was linted before it settled or had
// requests refused. The run keeps the note for the page's findings.
func (s *renderSession) noteOn(p *page.Page, res *source.Rendered, opt *Options) {
	var parts []string
	if res.Left != "" {
		left := s.unserveURL(res.Left)
		if p.Redirect == "" {
			p.Redirect = left
		}
		parts = append(parts, "the page left for "+left+" by itself (a script or a meta refresh), and was linted as it stood before it left")
	}
	if len(res.Unsettled) > 0 {
		parts = append(parts, fmt.Sprintf("the page was still busy when --render-wait %s ran out (%s), and was linted as it stood then",
			s.wait, strings.Join(res.Unsettled, ", ")))
	}
	if res.BlockedCount > 0 {
		b := res.Blocked[0]
		if res.BlockedCount == 1 {
			parts = append(parts, fmt.Sprintf("the address policy refused the page's request to %s (%s)", s.unserveURL(b.URL), b.Reason))
		} else {
			parts = append(parts, fmt.Sprintf("the address policy refused %d requests of the page, the first to %s (%s)", res.BlockedCount, s.unserveURL(b.URL), b.Reason))
		}
	}
	if len(parts) == 0 {
		return
	}
	p.Note = strings.Join(parts, "; ")
	opt.notes.set(p.Source, p.Note)
}

// pageNotes are the notes of a run's pages, by source.
type pageNotes struct {
	mu sync.Mutex
	m  map[string]string
}

func (n *pageNotes) set(source, note string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.m == nil {
		n.m = map[string]string{}
	}
	n.m[source] = note
}

// sayPageNotes gives each finding the note of its page, and says each note
// on standard error, in the order of the pages: a page without findings
// carries its note into no report.
func sayPageNotes(res *Result, opt *Options) {
	notes := opt.notes.m // the readers are done
	if len(notes) == 0 {
		return
	}
	for _, source := range res.Pages {
		if note := notes[source]; note != "" {
			opt.Warn(source + ": " + note)
		}
	}
	for i := range res.Findings {
		res.Findings[i].PageNote = notes[res.Findings[i].Source]
	}
}

// unserve turns targets that scripts made absolute on the loopback server
// back into site paths.
func (s *renderSession) unserve(p *page.Page) {
	for _, l := range p.Links {
		l.Target = s.unserveURL(l.Target)
	}
	for _, e := range p.Controls { // an entry's Link may be one of the links: unserveURL is idempotent
		e.Target = s.unserveURL(e.Target)
	}
}

// unserveURL turns a URL on the loopback server into its site path.
func (s *renderSession) unserveURL(t string) string {
	if s.base == "" {
		return t
	}
	if rest, ok := strings.CutPrefix(t, s.base); ok && (rest == "" || rest[0] == '/') {
		if rest == "" {
			return "/"
		}
		return rest
	}
	return t
}
