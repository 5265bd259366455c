package source

import (
	"context"
	"net/url"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// requestGate answers the requests the browser holds back for it. The Fetch
// domain is enabled on the browser itself, not on each tab, so that the
// requests of every frame (cross-site frames run in processes of their own),
// worker and service worker pass the gate. The gate knows the tabs by their
// frames, to stop a page's own navigations and to tell a page which of its
// requests the policy refused.
type requestGate struct {
	policy func(*url.URL) error
	mu     sync.Mutex
	frames map[cdp.FrameID]frameOwner
}

type frameOwner struct {
	tab  *tabState
	main bool // the tab's main frame, whose id is the tab's target id
}

// patterns are the requests the gate holds: all of them under a policy,
// else only documents (to watch the navigations).
func (g *requestGate) patterns() []*cdpfetch.RequestPattern {
	if g.policy != nil {
		return []*cdpfetch.RequestPattern{{URLPattern: "*"}}
	}
	return []*cdpfetch.RequestPattern{{URLPattern: "*", ResourceType: network.ResourceTypeDocument}}
}

func (g *requestGate) addFrame(id cdp.FrameID, tab *tabState, main bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, known := g.frames[id]; !known {
		g.frames[id] = frameOwner{tab: tab, main: main}
	}
}

// remove forgets the frames of a tab that is done.
func (g *requestGate) remove(tab *tabState) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for id, o := range g.frames {
		if o.tab == tab {
			delete(g.frames, id)
		}
	}
}

// navigation decides, for a document request of a tab's main frame,
// whether the page may navigate (see tabState.navigation); "" lets the
// request go on to the policy. It runs in the order the requests come.
func (g *requestGate) navigation(ev *cdpfetch.EventRequestPaused) (frameOwner, network.ErrorReason) {
	g.mu.Lock()
	owner := g.frames[ev.FrameID]
	g.mu.Unlock()
	if owner.main && ev.ResourceType == network.ResourceTypeDocument {
		return owner, owner.tab.navigation(ev)
	}
	return owner, ""
}

// check asks the policy about a request: "" lets it go on, else it fails
// as blocked, and the tab it belongs to, if known, records it.
func (g *requestGate) check(ev *cdpfetch.EventRequestPaused, owner frameOwner) network.ErrorReason {
	if g.policy == nil {
		return ""
	}
	u, err := url.Parse(ev.Request.URL)
	if err == nil {
		err = g.policy(u)
	}
	if err == nil {
		if owner.tab != nil {
			owner.tab.ask(u)
		}
		return ""
	}
	if owner.tab != nil {
		owner.tab.block(ev.Request.URL, err)
	}
	return network.ErrorReasonBlockedByClient
}

// onBrowserEvent runs on the browser's reader goroutine, which must not
// wait: it decides on navigations there, in the order the requests came,
// and leaves the policy, which may take its time (a DNS lookup), and the
// answer, which is a command, to a goroutine of the request's own.
func (r *Renderer) onBrowserEvent(ev any) {
	e, ok := ev.(*cdpfetch.EventRequestPaused)
	if !ok {
		return
	}
	owner, reason := r.gate.navigation(e)
	go func() {
		if reason == "" {
			reason = r.gate.check(e, owner)
		}
		answer(r.browserCtx, e.RequestID, reason)
	}()
}

// answer lets a held request go on, or fails it. An error means the request
// or the browser is gone: there is no one left to tell.
func answer(ctx context.Context, id cdpfetch.RequestID, reason network.ErrorReason) {
	if reason == "" {
		_, _ = chromedp.CallBrowser(ctx, cdpfetch.ContinueRequest, cdpfetch.ContinueRequestParams{RequestID: id})
		return
	}
	_, _ = chromedp.CallBrowser(ctx, cdpfetch.FailRequest, cdpfetch.FailRequestParams{RequestID: id, ErrorReason: reason})
}
