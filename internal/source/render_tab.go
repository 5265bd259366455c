package source

import (
	"cmp"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/netpolicy"
)

// maxReloads is how often a page may reload itself while it renders, as one
// that sets a cookie and reloads once does; the next reload makes it a page
// that never stays.
const maxReloads = 2

// maxBlockedKept bounds the refused requests a page keeps for its note.
const maxBlockedKept = 3

// maxFailedHosts bounds the hosts a page's failed requests are kept by.
const maxFailedHosts = 256

// BlockedRequest is a request of a rendered page that the request policy
// refused.
type BlockedRequest struct {
	URL    string
	Reason string
}

// tabState follows one rendering tab: its network and load events (for
// settling), the navigations of its main frame (for a page that leaves or
// reloads), and the requests refused on its behalf. onEvent runs on the
// tab's reader goroutine, navigation and block on the browser's, the rest
// on Render's.
type tabState struct {
	mu        sync.Mutex
	mainFrame cdp.FrameID // the tab's target id
	inflight  map[network.RequestID]inflightRequest
	documents map[network.RequestID]*network.Response
	docSeen   bool // a document response arrived: load events before it are about:blank's
	loaded    bool
	crashed   bool
	lastEvent time.Time
	dialogs   chan struct{}

	// chain are the requests of the current document: the first
	// navigation, its redirects, an allowed reload.
	chain   map[cdpfetch.RequestID]bool
	docURL  string // the last URL of the chain, without fragment
	reloads int
	// reloadLoop: the page reloaded itself once more than maxReloads.
	reloadLoop bool
	// left is where the page tried to navigate to on its own, first time.
	left string

	blocked      []BlockedRequest // the first maxBlockedKept
	blockedCount int

	// failed are the requests that failed, or had the proxy's 502, by the
	// host:port they were to be dialled at: the ones the proxy refused were
	// refused by the policy (see refusedByProxy). sockets are the
	// WebSockets that have not been answered yet.
	failed  []failedHost
	sockets map[network.RequestID]string // → URL
	// asked are the first URLs the gate let go on, by host:port.
	asked map[string]string
}

// inflightRequest is a request of the page that has not ended yet.
type inflightRequest struct {
	url   string
	frame cdp.FrameID
}

// failedHost is a host:port that requests of a page failed to reach.
type failedHost struct {
	hostPort, firstURL string
	count              int
}

func newTabState() *tabState {
	return &tabState{
		inflight:  map[network.RequestID]inflightRequest{},
		sockets:   map[network.RequestID]string{},
		asked:     map[string]string{},
		documents: map[network.RequestID]*network.Response{},
		lastEvent: time.Now(),
		dialogs:   make(chan struct{}, 1),
		chain:     map[cdpfetch.RequestID]bool{},
	}
}

func (s *tabState) onEvent(ev any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		// A worker's script has no loader: the browser fetches it for the
		// worker, whose target, not the tab, hears it end. Counted, it
		// would keep the page in flight until the cap.
		if ev.LoaderID != "" || ev.Type != network.ResourceTypeScript {
			s.inflight[ev.RequestID] = inflightRequest{url: ev.Request.URL, frame: ev.FrameID}
		}
	case *network.EventLoadingFinished:
		delete(s.inflight, ev.RequestID)
	case *network.EventLoadingFailed:
		// A request the gate blocked is on record already.
		if !ev.Canceled && ev.ErrorText != "net::ERR_BLOCKED_BY_CLIENT" {
			s.fail(s.inflight[ev.RequestID].url)
		}
		delete(s.inflight, ev.RequestID)
	case *network.EventWebSocketCreated:
		s.sockets[ev.RequestID] = ev.URL
	case *network.EventWebSocketHandshakeResponseReceived:
		delete(s.sockets, ev.RequestID)
	case *network.EventResponseReceived:
		if ev.Response.Status == http.StatusBadGateway {
			s.fail(ev.Response.URL)
		}
		if ev.Type == network.ResourceTypeDocument {
			s.documents[ev.RequestID] = ev.Response
			s.docSeen = true
		}
	case *page.EventFrameDetached:
		// A frame that moves to a process of its own (a cross-site frame)
		// has its requests end there, where the tab does not hear them.
		if ev.Reason == page.FrameDetachedReasonSwap {
			maps.DeleteFunc(s.inflight, func(_ network.RequestID, r inflightRequest) bool { return r.frame == ev.FrameID })
		}
	case *page.EventLoadEventFired:
		s.loaded = s.loaded || s.docSeen
	case *page.EventFrameStoppedLoading:
		// A page that starts to navigate away while it loads is aborted and
		// never fires its load event; its frame stops loading all the same.
		if ev.FrameID == s.mainFrame {
			s.loaded = s.loaded || s.docSeen
		}
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

// setMainFrame records the id of the tab's main frame, once the tab is
// there.
func (s *tabState) setMainFrame(id cdp.FrameID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mainFrame = id
}

// navigation judges a request of the tab's main frame for a new document:
// the first one and its redirects go on, as does a reload up to maxReloads
// (the page starts loading anew); any other navigation is stopped, so that
// the page is linted as it stood, and the reason is "" to go on.
func (s *tabState) navigation(ev *cdpfetch.EventRequestPaused) network.ErrorReason {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := ev.Request.URL
	switch {
	case len(s.chain) == 0 || s.chain[ev.RedirectedRequestID]:
		s.chain[ev.RequestID], s.docURL = true, u
		return ""
	case u != s.docURL:
		if s.left == "" {
			s.left = u + ev.Request.URLFragment
		}
		return network.ErrorReasonAborted
	case s.reloads < maxReloads:
		s.reloads++
		s.chain = map[cdpfetch.RequestID]bool{ev.RequestID: true}
		s.loaded, s.docSeen = false, false
		// The old document's requests die with it, and a busy browser may
		// never say so: only the new document's requests count.
		s.inflight = map[network.RequestID]inflightRequest{}
		return ""
	default:
		s.reloadLoop = true
		return network.ErrorReasonAborted
	}
}

// block records a request the policy refused.
func (s *tabState) block(u string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addBlocked(1, u, err.Error())
}

// ask records a request of the page that the policy let go on, by the
// host:port it is to be dialled at, to name a refusal of the proxy that the
// tab never saw (a request of a cross-site frame or a worker).
func (s *tabState) ask(u *url.URL) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := netpolicy.HostPort(u)
	if _, known := s.asked[key]; !known && len(s.asked) < maxFailedHosts {
		s.asked[key] = u.String()
	}
}

// fail records a request that failed; the lock is held.
func (s *tabState) fail(rawURL string) {
	u, err := url.Parse(rawURL)
	if rawURL == "" || err != nil {
		return
	}
	key := netpolicy.HostPort(u)
	for i := range s.failed {
		if s.failed[i].hostPort == key {
			s.failed[i].count++
			return
		}
	}
	if len(s.failed) < maxFailedHosts {
		s.failed = append(s.failed, failedHost{hostPort: key, firstURL: rawURL, count: 1})
	}
}

// blockedDocument returns why the policy refused the page's own address at
// interception, if it did.
func (s *tabState) blockedDocument() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.blocked {
		if b.URL == s.docURL {
			return b.Reason, true
		}
	}
	return "", false
}

// docHostPort is the host:port the page's own address is dialled at.
func (s *tabState) docHostPort() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := url.Parse(s.docURL)
	if err != nil {
		return ""
	}
	return netpolicy.HostPort(u)
}

// refusedByProxy adds to the blocked requests the host:ports that the
// proxy refused to dial on the page's route: the requests the tab saw fail
// there count one by one, a host:port that only the page's cross-site
// frames, workers or WebSockets asked for, unseen by the tab, once. The
// lock is held.
func (s *tabState) refusedByProxy(refused []proxyRefusal) {
	for _, u := range slices.Sorted(maps.Values(s.sockets)) {
		s.fail(u)
	}
	clear(s.sockets)
	unseen := map[string]bool{}
	for _, r := range refused {
		unseen[r.hostPort] = true
	}
	for _, f := range s.failed {
		i := slices.IndexFunc(refused, func(r proxyRefusal) bool { return r.hostPort == f.hostPort })
		if i >= 0 {
			s.addBlocked(f.count, f.firstURL, refused[i].reason)
			delete(unseen, f.hostPort)
		}
	}
	for _, r := range refused {
		if unseen[r.hostPort] {
			s.addBlocked(1, cmp.Or(r.url, s.asked[r.hostPort], r.hostPort), r.reason)
		}
	}
	s.failed = nil
}

// addBlocked records count refused requests, the first to u; the lock is
// held.
func (s *tabState) addBlocked(count int, u, reason string) {
	s.blockedCount += count
	if len(s.blocked) < maxBlockedKept {
		s.blocked = append(s.blocked, BlockedRequest{URL: u, Reason: reason})
	}
}

// progress is how far the page has come at now.
type progress struct {
	loaded, netQuiet bool
	inflight         int
	crashed          bool
	reloadLoop       bool
}

func (s *tabState) progress(now time.Time) progress {
	s.mu.Lock()
	defer s.mu.Unlock()
	return progress{
		loaded:     s.loaded,
		netQuiet:   len(s.inflight) == 0 && now.Sub(s.lastEvent) >= networkQuiet,
		inflight:   len(s.inflight),
		crashed:    s.crashed,
		reloadLoop: s.reloadLoop,
	}
}

// document returns the response of the main document of a navigation; the
// browser gives the main request the loader's id.
func (s *tabState) document(loader cdp.LoaderID) *network.Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.documents[network.RequestID(loader)]
}

// result fills in what the tab learnt besides the DOM.
func (s *tabState) result(r *Rendered, refused []proxyRefusal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refusedByProxy(refused)
	r.Left = s.left
	r.Blocked = append([]BlockedRequest(nil), s.blocked...)
	r.BlockedCount = s.blockedCount
}

// unsettled says what was still going on when the wait ran out.
func unsettled(p progress, probe domProbe, probed bool) []string {
	var out []string
	if !p.loaded {
		out = append(out, "the page had not finished loading")
	}
	if p.inflight > 0 {
		out = append(out, finding.Plural(p.inflight, "request", "requests")+" in flight")
	} else if p.loaded && !p.netQuiet {
		out = append(out, "requests had just ended")
	}
	switch {
	case p.loaded && !probed:
		out = append(out, "its scripts kept the browser busy")
	case !probed:
	case probe.QuietMs < domQuiet.Seconds()*1000:
		out = append(out, "the DOM was still changing")
	}
	if probed && probe.Timers > 0 {
		out = append(out, finding.Plural(probe.Timers, "timer", "timers")+" pending")
	}
	return out
}
