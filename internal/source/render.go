package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
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
	// domQuiet is how long the DOM must not change before a loaded page
	// counts as settled: long enough for the script that got the menu's data
	// to build it.
	domQuiet = 500 * time.Millisecond
	// timerHorizon: a pending setTimeout of at most this long keeps a page
	// from settling (see probeJS), for at most this long once all else is
	// quiet.
	timerHorizon = 2 * time.Second
	// pollChain is how many times in a row a timer's callback may set the
	// next timer and still keep the page from settling (see probeJS).
	pollChain = 3
	// settlePoll is how often the settling state is looked at.
	settlePoll = 50 * time.Millisecond
	// probeTimeout bounds one look at the page's DOM.
	probeTimeout = 500 * time.Millisecond
	// browserStartTimeout bounds the start of the browser, which can hang
	// rather than fail when something is wrong with its installation.
	browserStartTimeout = 60 * time.Second
	// snapshotTimeout bounds reading the DOM; a script in an endless loop
	// never lets it finish.
	snapshotTimeout = 15 * time.Second
	// proxyBypassList sends loopback through the proxy too: by default the
	// browser would reach loopback directly.
	proxyBypassList = "<-loopback>"
)

// RenderOptions tunes the browser.
type RenderOptions struct {
	Chrome string        // the browser program; "" = FindChrome
	Wait   time.Duration // cap on settling; 0 = DefaultRenderWait
	Tabs   int           // pages rendered in parallel tabs; 0 = DefaultTabs
	// Policy is asked about every request the rendered pages make — their
	// documents, frames, scripts, fetches, workers — and a request it
	// refuses fails as blocked. nil allows every request. It is called for
	// many requests at once. It sees the URL, not the address the browser
	// connects to, nor WebSocket connections: Dial does.
	Policy func(*url.URL) error
	// Dial opens every connection the browser makes: the browser's only way
	// out is a proxy of the Renderer's on loopback, and loopback goes
	// through it too. A connection that Dial refuses with a
	// *netpolicy.RefusedError fails, and the page that asked for it — by
	// itself, its frames, its workers — counts it among its Blocked
	// requests. nil dials directly.
	Dial DialFunc

	// hostRules are the browser's own host resolver rules, for the tests
	// that show that the browser's resolver is not the one that counts.
	hostRules string
}

// Rendered is a page as the browser built it.
type Rendered struct {
	// HTML is the DOM serialised with its doctype. Elements that the
	// page's styles hide carry the hidden attribute (see snapshotJS).
	HTML string
	// URL is the address the page ended on, after HTTP redirects.
	URL string
	// Left is the address the page tried to leave for on its own once it
	// had loaded (a script navigation, a meta refresh); the navigation was
	// stopped, and HTML is the page as it stood. "" when it stayed.
	Left string
	// Unsettled says what was still going on when the Wait cap cut the
	// wait short; nil when the page settled.
	Unsettled []string
	// Blocked are the first requests of the page that the policy refused,
	// BlockedCount all of them. A refusal at dial time of a request that
	// the page's tab never saw (a cross-site frame's, a worker's) counts
	// once for its host:port, and is named by its URL when the request
	// interception or the proxy saw one, else by the host:port.
	Blocked      []BlockedRequest
	BlockedCount int
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
	socketDir     string // Chromium's, beside dataDir: see NewRenderer
	closeOnce     sync.Once
	gate          *requestGate
	proxy         *renderProxy
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
	if opt.Dial == nil {
		opt.Dial = (&net.Dialer{Timeout: 30 * time.Second}).DialContext
	}
	proxy, err := startProxy(opt.Dial)
	if err != nil {
		return nil, err
	}
	dataDir, err := newProfileDir()
	if err != nil {
		proxy.Close()
		return nil, fmt.Errorf("creating the browser profile directory: %w", err)
	}
	flags := []chromedp.ExecAllocatorOption{
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
		// Every connection goes through the proxy, loopback's too, and
		// WebRTC sends nothing the proxy cannot carry.
		chromedp.ProxyServer(proxy.browser.URL()),
		chromedp.Flag("proxy-bypass-list", proxyBypassList),
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.WindowSize(1280, 1024),
		chromedp.UserDataDir(dataDir),
	}
	if opt.hostRules != "" {
		flags = append(flags, chromedp.Flag("host-resolver-rules", opt.hostRules))
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, flags...)
	browserCtx, browserCancel := chromedp.NewContext(allocCtx)
	r := &Renderer{
		wait:          opt.Wait,
		tabs:          make(chan struct{}, opt.Tabs),
		allocCancel:   allocCancel,
		browserCtx:    browserCtx,
		browserCancel: browserCancel,
		dataDir:       dataDir,
		gate:          &requestGate{policy: opt.Policy, frames: map[cdp.FrameID]frameOwner{}},
		proxy:         proxy,
	}
	// The first Run starts the browser; its context must not carry a
	// timeout (that would stop the browser), so the wait is bounded here.
	started := make(chan error, 1)
	go func() { started <- r.start() }()
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
	// Chromium unlinks SingletonSocket as it shuts down, before it removes
	// the socket directory the link leads into: stopped in between, it would
	// leave that directory behind with nothing naming it. So it is named now.
	r.socketDir = socketDirOf(dataDir)
	return r, nil
}

// start starts the browser and holds its requests at the gate.
func (r *Renderer) start() error {
	if err := chromedp.ListenBrowser(r.browserCtx, r.onBrowserEvent); err != nil {
		return err
	}
	_, err := chromedp.CallBrowser(r.browserCtx, cdpfetch.Enable, cdpfetch.EnableParams{Patterns: r.gate.patterns()})
	return err
}

// Close stops the browser and removes its profile directory.
func (r *Renderer) Close() error {
	var err error
	r.closeOnce.Do(func() {
		r.browserCancel()
		r.allocCancel()
		r.proxy.Close()
		err = removeProfile(r.dataDir, r.socketDir)
	})
	return err
}

// browserGone reports whether the browser has stopped.
func (r *Renderer) browserGone() bool { return r.browserCtx.Err() != nil }

// Render loads url in a new tab, waits until the page settles — the load
// event has fired, no request has been in flight for networkQuiet, the DOM
// has not changed for domQuiet and no short timer is pending — or until the
// Wait cap, whichever comes first, and returns the page as the browser built
// it. A page that never settles is taken as it is at the cap; one that
// reloads itself more than maxReloads times is an error. Errors name no URL,
// so the caller can prefix it.
func (r *Renderer) Render(ctx context.Context, pageURL string) (*Rendered, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.browserGone() {
		return nil, ErrBrowserGone
	}
	select {
	case r.tabs <- struct{}{}:
		defer func() { <-r.tabs }()
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-r.browserCtx.Done():
		return nil, ErrBrowserGone
	}
	// The page's browser context goes out by a route of its own, which
	// outlives the tab.
	route, err := r.proxy.openRoute()
	if err != nil {
		return nil, fmt.Errorf("opening a route of the browser's proxy: %w", err)
	}
	defer route.Close()
	tabCtx, cancelTab := chromedp.NewContext(r.browserCtx, chromedp.WithNewBrowserContext(func(p *target.CreateBrowserContextParams) {
		p.ProxyServer, p.ProxyBypassList = route.URL(), proxyBypassList
	}))
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
	st, err := r.openTab(tabCtx)
	if err != nil {
		return nil, gone(err)
	}
	defer r.gate.remove(st)
	go r.dismissDialogs(tabCtx, st.dialogs)

	started := time.Now()
	if err := r.navigate(tabCtx, pageURL, st, route); err != nil {
		return nil, gone(err)
	}
	unsettled, err := r.settle(tabCtx, started, st)
	if err != nil {
		return nil, gone(err)
	}
	snapCtx, cancelSnap := context.WithTimeout(tabCtx, snapshotTimeout)
	defer cancelSnap()
	snap, err := chromedp.Run(snapCtx, chromedp.Evaluate[domSnapshot](snapshotJS))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil && !r.browserGone() {
			return nil, fmt.Errorf("the page's scripts did not let the DOM be read within %s", snapshotTimeout)
		}
		return nil, gone(fmt.Errorf("reading the rendered DOM: %w", err))
	}
	res := &Rendered{HTML: snap.HTML, URL: snap.URL, Unsettled: unsettled}
	st.result(res, route.refusals())
	return res, nil
}

// openTab readies a new tab: its events followed, its frames known to the
// gate, the probe set to run in each of its documents.
func (r *Renderer) openTab(tabCtx context.Context) (*tabState, error) {
	st := newTabState()
	err := chromedp.Listen(tabCtx, func(ev any) {
		if fa, ok := ev.(*page.EventFrameAttached); ok {
			r.gate.addFrame(fa.FrameID, st, false)
			return
		}
		st.onEvent(ev)
	})
	if err != nil {
		return nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	main := cdp.FrameID(chromedp.FromContext(tabCtx).Target.TargetID)
	st.setMainFrame(main)
	r.gate.addFrame(main, st, true)
	if _, err := chromedp.Call(tabCtx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS}); err != nil {
		r.gate.remove(st)
		return nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	return st, nil
}

// navigate starts loading url and returns once the browser has committed to
// the new document. The main document must answer within the Wait cap: a
// page that shows nothing at the cap has nothing to lint.
func (r *Renderer) navigate(tabCtx context.Context, pageURL string, st *tabState, route *proxyRoute) error {
	navCtx, cancel := context.WithTimeout(tabCtx, r.wait)
	defer cancel()
	res, err := chromedp.Call(navCtx, page.Navigate, page.NavigateParams{URL: pageURL})
	switch {
	case errors.Is(err, context.DeadlineExceeded) && tabCtx.Err() == nil:
		return fmt.Errorf("the page did not answer within %s", r.wait)
	case err != nil:
		return fmt.Errorf("loading the page: %w", err)
	case res.ErrorText != "":
		if err := loadFailure(st, route); err != nil {
			return err
		}
		return fmt.Errorf("loading the page: %s", res.ErrorText)
	case res.IsDownload:
		return fmt.Errorf("%w (the browser downloads it)", ErrNotHTML)
	}
	if resp := st.document(res.LoaderID); resp != nil {
		if resp.Status >= 400 {
			if err := loadFailure(st, route); resp.Status == http.StatusBadGateway && err != nil {
				return err
			}
			return &StatusError{Code: int(resp.Status), Status: fmt.Sprintf("%d %s", resp.Status, statusText(resp))}
		}
		if mt := mediaType(resp.MimeType); resp.MimeType != "" && !isHTMLType(mt) {
			return fmt.Errorf("%w (%s)", ErrNotHTML, mt)
		}
	}
	return nil
}

// loadFailure says why the page's own request failed, when the policy
// refused it (at interception, or when the proxy dialled it) or the
// proxy could not connect: the browser knows only that its proxy failed.
// nil when neither happened.
func loadFailure(st *tabState, route *proxyRoute) error {
	reason, refused := st.blockedDocument()
	if !refused {
		reason, refused = route.refusal(st.docHostPort())
	}
	if refused {
		return fmt.Errorf("the request policy refused the page's address: %s", reason)
	}
	if failure, ok := route.failure(st.docHostPort()); ok {
		return fmt.Errorf("loading the page: %s", failure)
	}
	return nil
}

func statusText(resp *network.Response) string {
	if resp.StatusText != "" {
		return resp.StatusText
	}
	return httpStatusText(int(resp.Status))
}

// settle waits until the page settles or the cap passes, and then says
// what was still going on (nil when it settled).
func (r *Renderer) settle(tabCtx context.Context, started time.Time, st *tabState) ([]string, error) {
	deadline := started.Add(r.wait)
	ticker := time.NewTicker(settlePoll)
	defer ticker.Stop()
	var probe domProbe
	var quietSince time.Time // since when all but the timers has been quiet
	probed := false
	for {
		// The DOM is looked at only once the network lets the page settle,
		// and at the cap, for the note.
		if p := st.progress(time.Now()); !p.loaded {
			probed = false // a reload: the last probe was of the old document
		} else if p.netQuiet || !time.Now().Before(deadline) {
			if got, err := r.probe(tabCtx); err == nil {
				probe, probed = got, true
			}
		}
		p := st.progress(time.Now())
		switch {
		case p.crashed:
			return nil, errors.New("the page crashed its browser tab")
		case p.reloadLoop:
			return nil, fmt.Errorf("the page reloads itself again and again (%d times while it rendered), so no page stays to be linted", maxReloads+1)
		}
		quiet := p.loaded && p.netQuiet && probed && probe.QuietMs >= float64(domQuiet.Milliseconds())
		wasQuiet := !quietSince.IsZero()
		switch {
		case !quiet:
			quietSince = time.Time{}
		case !wasQuiet:
			quietSince = time.Now()
		}
		// A page is settled when a second look finds it still quiet: a
		// renderer that the machine's load kept from running can answer
		// the first look before the timers it owes have changed the DOM.
		// A pending timer is waited for while it may still fire: timers
		// that keep coming while nothing else happens (a script retrying
		// what never comes) are waited for timerHorizon at most.
		if quiet && wasQuiet && (probe.Timers == 0 || time.Since(quietSince) >= timerHorizon) {
			return nil, nil
		}
		if !time.Now().Before(deadline) {
			return unsettled(p, probe, probed), nil
		}
		select {
		case <-ticker.C:
		case <-tabCtx.Done():
			return nil, tabCtx.Err()
		}
	}
}

// probe asks the page's probe how quiet its DOM is. A page whose scripts
// keep the browser busy, or whose tab crashed, does not answer: the probe
// gives up after probeTimeout, so that settle looks at the tab again.
func (r *Renderer) probe(tabCtx context.Context) (domProbe, error) {
	ctx, cancel := context.WithTimeout(tabCtx, probeTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[domProbe](probeExpr))
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
