package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const (
	// DefaultRenderWait caps how long a page may take to settle.
	DefaultRenderWait = 10 * time.Second
	// DefaultTabs is the number of pages rendered at once.
	DefaultTabs = 4

	// networkQuiet is how long no request may be in flight before a loaded
	// page counts as settled: long enough for a script that fetches the menu
	// after the load event to start its request.
	networkQuiet = 500 * time.Millisecond
	// settlePoll is how often the settling state is looked at.
	settlePoll = 50 * time.Millisecond
	// browserStartTimeout bounds the start of the browser, which can hang
	// rather than fail when something is wrong with its installation.
	browserStartTimeout = 60 * time.Second
	// snapshotTimeout bounds reading the DOM; a script in an endless loop
	// never lets it finish.
	snapshotTimeout = 15 * time.Second
)

// RenderOptions tunes the browser.
type RenderOptions struct {
	Chrome string        // the browser program; "" = FindChrome
	Wait   time.Duration // cap on settling; 0 = DefaultRenderWait
	Tabs   int           // pages rendered in parallel tabs; 0 = DefaultTabs
}

// ErrBrowserGone is returned by Render once the browser has crashed, was
// killed, or the Renderer was closed.
var ErrBrowserGone = errors.New("the browser is no longer running (it crashed, was killed, or was closed); no more pages can be rendered")

// Renderer renders pages in one headless Chromium, each page in a tab of its
// own. Render is safe to call from several goroutines; at most Tabs pages
// render at once, the others wait.
type Renderer struct {
	wait          time.Duration
	tabs          chan struct{}
	allocCancel   context.CancelFunc
	browserCtx    context.Context
	browserCancel context.CancelFunc
	dataDir       string
	closeOnce     sync.Once
}

// NewRenderer starts the browser for the run. It lives until Close, or until
// ctx ends.
func NewRenderer(ctx context.Context, opt RenderOptions) (*Renderer, error) {
	chrome := opt.Chrome
	if chrome == "" {
		var err error
		if chrome, err = FindChrome(); err != nil {
			return nil, err
		}
	}
	if opt.Wait <= 0 {
		opt.Wait = DefaultRenderWait
	}
	if opt.Tabs <= 0 {
		opt.Tabs = DefaultTabs
	}
	dataDir, err := os.MkdirTemp("", "pagelint-chromium-")
	if err != nil {
		return nil, fmt.Errorf("creating the browser profile directory: %w", err)
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chrome),
		// The flags a root user in a container needs, and the ones that keep
		// the browser from phoning home or doing work of its own mid-run.
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.WindowSize(1280, 1024),
		chromedp.UserDataDir(dataDir),
	)
	browserCtx, browserCancel := chromedp.NewContext(allocCtx)
	r := &Renderer{
		wait:          opt.Wait,
		tabs:          make(chan struct{}, opt.Tabs),
		allocCancel:   allocCancel,
		browserCtx:    browserCtx,
		browserCancel: browserCancel,
		dataDir:       dataDir,
	}
	// The first Run starts the browser; its context must not carry a
	// timeout (that would stop the browser), so the wait is bounded here.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(browserCtx) }()
	timer := time.NewTimer(browserStartTimeout)
	defer timer.Stop()
	select {
	case err = <-started:
	case <-timer.C:
		err = fmt.Errorf("no answer within %s", browserStartTimeout)
	}
	if err != nil {
		_ = r.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("starting Chromium %q: %w", chrome, err)
	}
	return r, nil
}

// Close stops the browser and removes its profile directory.
func (r *Renderer) Close() error {
	var err error
	r.closeOnce.Do(func() {
		r.browserCancel()
		r.allocCancel()
		err = os.RemoveAll(r.dataDir)
	})
	return err
}

// browserGone reports whether the browser has stopped.
func (r *Renderer) browserGone() bool { return r.browserCtx.Err() != nil }

// Render loads url in a new tab, waits until the page settles — the load
// event has fired and no request has been in flight for networkQuiet — or
// until the Wait cap, whichever comes first, and returns the DOM as HTML
// (with the doctype) and the URL the tab ended on. A page that never settles
// is taken as it is at the cap. Errors name no URL, so the caller can prefix
// it.
func (r *Renderer) Render(ctx context.Context, url string) (html, finalURL string, err error) {
	if err := ctx.Err(); err != nil {
		return "", "", err
	}
	if r.browserGone() {
		return "", "", ErrBrowserGone
	}
	select {
	case r.tabs <- struct{}{}:
		defer func() { <-r.tabs }()
	case <-ctx.Done():
		return "", "", ctx.Err()
	case <-r.browserCtx.Done():
		return "", "", ErrBrowserGone
	}
	tabCtx, cancelTab := chromedp.NewContext(r.browserCtx)
	defer cancelTab()
	stop := context.AfterFunc(ctx, cancelTab)
	defer stop()

	// gone turns the error of a tab into the one that says what happened.
	gone := func(err error) error {
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case r.browserGone():
			return ErrBrowserGone
		}
		return err
	}
	st := newSettleState()
	if err := chromedp.Listen(tabCtx, st.onEvent); err != nil {
		return "", "", gone(fmt.Errorf("opening a browser tab: %w", err))
	}
	go r.dismissDialogs(tabCtx, st.dialogs)

	started := time.Now()
	if err := r.navigate(tabCtx, url, st); err != nil {
		return "", "", gone(err)
	}
	if err := r.settle(tabCtx, started, st); err != nil {
		return "", "", gone(err)
	}
	snapCtx, cancelSnap := context.WithTimeout(tabCtx, snapshotTimeout)
	defer cancelSnap()
	snap, err := chromedp.Run(snapCtx, chromedp.Evaluate[domSnapshot](snapshotJS))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil && !r.browserGone() {
			return "", "", fmt.Errorf("the page's scripts did not let the DOM be read within %s", snapshotTimeout)
		}
		return "", "", gone(fmt.Errorf("reading the rendered DOM: %w", err))
	}
	return snap.HTML, snap.URL, nil
}

// snapshotJS serialises the document with its doctype, as a server would
// have sent it.
const snapshotJS = `(() => {
  const d = document.doctype;
  const doctype = d ? "<!DOCTYPE " + d.name +
    (d.publicId ? ' PUBLIC "' + d.publicId + '"' : "") +
    (!d.publicId && d.systemId ? " SYSTEM" : "") +
    (d.systemId ? ' "' + d.systemId + '"' : "") + ">\n" : "";
  return { html: doctype + document.documentElement.outerHTML, url: location.href };
})()`

type domSnapshot struct {
	HTML string `json:"html"`
	URL  string `json:"url"`
}

// navigate starts loading url and returns once the browser has committed to
// the new document. The main document must answer within the Wait cap: a
// page that shows nothing at the cap has nothing to lint.
func (r *Renderer) navigate(tabCtx context.Context, url string, st *settleState) error {
	navCtx, cancel := context.WithTimeout(tabCtx, r.wait)
	defer cancel()
	res, err := chromedp.Call(navCtx, page.Navigate, page.NavigateParams{URL: url})
	switch {
	case errors.Is(err, context.DeadlineExceeded) && tabCtx.Err() == nil:
		return fmt.Errorf("the page did not answer within %s", r.wait)
	case err != nil:
		return fmt.Errorf("loading the page: %w", err)
	case res.ErrorText != "":
		return fmt.Errorf("loading the page: %s", res.ErrorText)
	case res.IsDownload:
		return fmt.Errorf("%w (the browser downloads it)", ErrNotHTML)
	}
	if resp := st.document(res.LoaderID); resp != nil {
		if resp.Status >= 400 {
			return &StatusError{Code: int(resp.Status), Status: fmt.Sprintf("%d %s", resp.Status, statusText(resp))}
		}
		if mt := mediaType(resp.MimeType); resp.MimeType != "" && !isHTMLType(mt) {
			return fmt.Errorf("%w (%s)", ErrNotHTML, mt)
		}
	}
	return nil
}

func statusText(resp *network.Response) string {
	if resp.StatusText != "" {
		return resp.StatusText
	}
	return httpStatusText(int(resp.Status))
}

// settle waits for the load event plus network quiet, or for the cap.
func (r *Renderer) settle(tabCtx context.Context, started time.Time, st *settleState) error {
	deadline := started.Add(r.wait)
	ticker := time.NewTicker(settlePoll)
	defer ticker.Stop()
	for {
		settled, crashed := st.check(time.Now())
		if crashed {
			return errors.New("the page crashed its browser tab")
		}
		if settled || !time.Now().Before(deadline) {
			return nil
		}
		select {
		case <-ticker.C:
		case <-tabCtx.Done():
			return tabCtx.Err()
		}
	}
}

// dismissDialogs answers alert, confirm and prompt dialogs, which would
// otherwise stop the page's scripts, and the reading of the DOM, for good.
func (r *Renderer) dismissDialogs(tabCtx context.Context, dialogs <-chan struct{}) {
	for {
		select {
		case <-dialogs:
			_, _ = chromedp.Call(tabCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		case <-tabCtx.Done():
			return
		}
	}
}

// settleState follows a tab's network and load events. onEvent runs on the
// tab's reader goroutine; the rest on Render's.
type settleState struct {
	mu        sync.Mutex
	inflight  map[network.RequestID]bool
	documents map[network.RequestID]*network.Response
	docSeen   bool // a document response arrived: load events before it are about:blank's
	loaded    bool
	crashed   bool
	lastEvent time.Time
	dialogs   chan struct{}
}

func newSettleState() *settleState {
	return &settleState{
		inflight:  map[network.RequestID]bool{},
		documents: map[network.RequestID]*network.Response{},
		lastEvent: time.Now(),
		dialogs:   make(chan struct{}, 1),
	}
}

func (s *settleState) onEvent(ev any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		s.inflight[ev.RequestID] = true
	case *network.EventLoadingFinished:
		delete(s.inflight, ev.RequestID)
	case *network.EventLoadingFailed:
		delete(s.inflight, ev.RequestID)
	case *network.EventResponseReceived:
		if ev.Type == network.ResourceTypeDocument {
			s.documents[ev.RequestID] = ev.Response
			s.docSeen = true
		}
	case *page.EventLoadEventFired:
		s.loaded = s.loaded || s.docSeen
	case *inspector.EventTargetCrashed:
		s.crashed = true
	case *page.EventJavascriptDialogOpening:
		select {
		case s.dialogs <- struct{}{}:
		default:
		}
	default:
		return
	}
	s.lastEvent = time.Now()
}

// check reports whether the page has settled at now, and whether its tab
// crashed.
func (s *settleState) check(now time.Time) (settled, crashed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loaded && len(s.inflight) == 0 && now.Sub(s.lastEvent) >= networkQuiet, s.crashed
}

// document returns the response of the main document of a navigation; the
// browser gives the main request the loader's id.
func (s *settleState) document(loader cdp.LoaderID) *network.Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.documents[network.RequestID(loader)]
}
