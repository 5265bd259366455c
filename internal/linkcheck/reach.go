package linkcheck

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

// MinUnreachableHosts is how many distinct hosts must have failed at DNS
// or at the route, with no host answering at all, before a Check calls it
// no network rather than so many broken links (see Outage). One or two
// dead domains are common enough on a real site, and reporting them is
// right; three or more, with not one host answering, is a machine that
// cannot reach the internet. docs/links.md says why.
const MinUnreachableHosts = 3

// reach is what a Check learns of its hosts apart from their URLs.
//
// A host name is looked up once at a time: the requests of a name share
// the lookup in flight, and a name whose lookup failed for good (it does
// not exist) is not looked up again in the run; a temporary failure or a
// timeout is not kept, so a retry asks again, as before.
//
// A host whose request failed at DNS (after its retries), at the route
// (network or host unreachable: no address of it could be reached) or at
// the connect (after its retry, no TCP connection to any address of it
// was made within the timeout: a firewall drops the packets) is down:
// these failures are the host's, not the URL's, and every further URL of
// it gets the same result at once, with no slot and no wait for its rate.
// A name is down for DNS and the route; a connect timeout is of one port,
// so it downs the URL's origin only (a host may drop port 80 and serve
// 443). All other failures — a status, a timeout after the connection was
// made, a refused or reset connection, a TLS error — are the URL's.
type reach struct {
	// lookup is the resolver the requests share (see resolve); nil when
	// the transport resolves names itself.
	lookup  func(ctx context.Context, host string) ([]netip.Addr, error)
	timeout time.Duration
	run     context.Context

	mu      sync.Mutex
	flights map[string]*flight
	gone    map[string]error    // names whose lookup failed for good
	slow    map[string]bool     // names whose last lookup timed out
	down    map[string]downHost // hosts down, by name or origin

	// answered: some host gave an HTTP answer. other: some request failed
	// in a way that is its URL's. Either proves the network works.
	answered, other atomic.Bool
}

type reachKey struct{}

// withReach gives the requests of a Check its reach: they carry it in their
// context, so that concurrent Checks of one Checker keep theirs apart and
// the transport's lookups find it.
func withReach(ctx context.Context, r *reach) context.Context {
	return context.WithValue(ctx, reachKey{}, r)
}

// reachOf is the reach of the Check that ctx is of; nil outside a Check.
func reachOf(ctx context.Context) *reach {
	r, _ := ctx.Value(reachKey{}).(*reach)
	return r
}

// downHost is a host that is down: the name it counts as, and why.
type downHost struct {
	name string
	f    *failure
}

// flight is one lookup that the requests of a name wait for.
type flight struct {
	done  chan struct{}
	addrs []netip.Addr
	err   error
}

func newReach(run context.Context, lookup func(context.Context, string) ([]netip.Addr, error), timeout time.Duration) *reach {
	return &reach{lookup: lookup, timeout: timeout, run: run,
		flights: map[string]*flight{}, gone: map[string]error{}, slow: map[string]bool{}, down: map[string]downHost{}}
}

// resolve looks host up for a request: it joins the lookup in flight, or
// starts one that lasts as long as the run lets it (a request that gives
// up early does not end it for the others), or answers at once for a name
// that does not exist.
func (r *reach) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	if err := r.gone[host]; err != nil {
		r.mu.Unlock()
		return nil, err
	}
	f := r.flights[host]
	if f == nil {
		f = &flight{done: make(chan struct{})}
		r.flights[host] = f
		go r.fly(host, f)
	}
	r.mu.Unlock()
	select {
	case <-f.done:
		return f.addrs, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fly looks host up for the requests that wait for it, within the request
// timeout. A first try that has no answer within lookupRetry is asked
// again with the time that is left: a busy resolver drops queries, and
// the system's resolver would wait 5s for each; the second try still
// waits long enough for the system's resolver to turn to its next server.
func (r *reach) fly(host string, f *flight) {
	ctx, cancel := context.WithTimeout(r.run, r.timeout)
	defer cancel()
	first, stop := context.WithTimeout(ctx, lookupRetry)
	f.addrs, f.err = r.lookup(first, host)
	stop()
	if isDNSTimeout(f.err) && ctx.Err() == nil {
		f.addrs, f.err = r.lookup(ctx, host)
	}
	r.mu.Lock()
	delete(r.flights, host)
	var dnsErr *net.DNSError
	switch {
	case isDNSTimeout(f.err):
		r.slow[host] = true
	case errors.As(f.err, &dnsErr) && !dnsErr.IsTemporary:
		r.gone[host] = f.err
	default:
		delete(r.slow, host)
	}
	r.mu.Unlock()
	close(f.done)
}

// lookupRetry is how long a lookup's first try waits for an answer.
const lookupRetry = time.Second

func isDNSTimeout(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsTimeout
}

// stuckAtDNS reports whether a request to host that timed out before it
// began to connect (see dialWatch) was still waiting for its name: the
// lookup is under way, or the last one timed out. Such a timeout is the
// name's, not the URL's.
func (r *reach) stuckAtDNS(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.flights[host] != nil || r.slow[host]
}

// dialWatch follows the connects of one request, so that a timeout can
// tell a route that drops packets (no TCP connection was made) from a
// server that is slow to answer on one.
type dialWatch struct{ began, connected atomic.Bool }

// traced is ctx with the hooks that follow the request's connects. The
// transport dials with the request's values, so they see its own dial,
// which goes on after the request ends; a connection it is handed from
// another dial or the idle pool counts as connected too.
func (w *dialWatch) traced(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		ConnectStart: func(string, string) { w.began.Store(true) },
		ConnectDone: func(_, _ string, err error) {
			if err == nil {
				w.connected.Store(true)
			}
		},
		GotConn: func(httptrace.GotConnInfo) { w.connected.Store(true) },
	})
}

// stuck reports whether the request began to connect and no TCP
// connection was made to any address it tried: a timeout then is the
// route's, before any byte was exchanged. A TLS handshake or an answer
// that is slow comes after the connection, and is the URL's.
func (w *dialWatch) stuck() bool { return w.began.Load() && !w.connected.Load() }

// unstarted reports whether the request had not begun to connect: it may
// still wait for its host's name, where another request of the host that
// looks it up meanwhile says nothing of this one.
func (w *dialWatch) unstarted() bool { return !w.began.Load() && !w.connected.Load() }

// markDown records that the host of rawURL (a normal form) failed for good
// with f: its name, or its origin for a connect timeout.
func (r *reach) markDown(rawURL string, f *failure) {
	t, err := urlnorm.Parse(rawURL)
	if err != nil {
		return
	}
	key := t.Host
	if f.connect {
		key = t.Origin
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.down[key]; !ok {
		r.down[key] = downHost{name: t.Host, f: f}
	}
}

// downBy is the failure of the host of t if it is down, nil while it is
// not.
func (r *reach) downBy(t urlnorm.URL) *failure {
	r.mu.Lock()
	defer r.mu.Unlock()
	if d, ok := r.down[t.Host]; ok {
		return d.f
	}
	return r.down[t.Origin].f
}

// saw records what a request learned of the network: an answer (f nil),
// or a failure.
func (r *reach) saw(f *failure) {
	switch {
	case f == nil:
		r.answered.Store(true)
	case f.host, f.refused, f.aborted, f.gaveUp:
		// The host's, or no word on the network.
	default:
		r.other.Store(true)
	}
}

// Outage is a Check that could reach no host: no host gave an HTTP answer,
// every request failed at DNS, at the route or at the connect, and at
// least MinUnreachableHosts distinct host names did. Their URLs are not
// checked (Result.Unchecked), not broken, and not cached.
type Outage struct {
	Hosts      int // distinct host names that could not be reached
	Unresolved int // of them, those whose names did not resolve
	// TimedOut: of them, those whose connects timed out.
	TimedOut int
	// Example is the first of them in the order of the URLs, and
	// Reason its failure: "DNS lookup failed: no such host".
	Example, Reason string
	URLs            int // distinct URLs left unchecked for it
}

// outage is the Check's Outage, nil when some host answered, some failure
// was a URL's, or too few hosts were down. jobs are in the order given.
func (r *reach) outage(jobs []*job) *Outage {
	if r.answered.Load() || r.other.Load() {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	// A name counts once, whichever of its origins timed out.
	names := map[string]*failure{}
	for _, d := range r.down {
		if names[d.name] == nil {
			names[d.name] = d.f
		}
	}
	if len(names) < MinUnreachableHosts {
		return nil
	}
	o := &Outage{Hosts: len(names)}
	for _, f := range names {
		switch {
		case f.dns:
			o.Unresolved++
		case f.connect:
			o.TimedOut++
		}
	}
	for _, j := range jobs {
		if j.hostDown {
			if o.URLs == 0 {
				o.Example, o.Reason = j.t.Host, j.res.Reason
			}
			o.URLs++
		}
	}
	return o
}

// Summary says what the Outage was, for a line to the user: "none of 511
// names resolved, e.g. www.gov.uk: no such host".
func (o *Outage) Summary() string {
	n := strconv.Itoa(o.Hosts)
	switch o.Hosts {
	case o.Unresolved:
		return "none of " + n + " names resolved, e.g. " + o.Example + ": " + strings.TrimPrefix(o.Reason, dnsFailed)
	case o.TimedOut:
		return "none of " + n + " hosts answered a connection, e.g. " + o.Example + ": " + o.Reason
	}
	return "none of " + n + " hosts could be reached, e.g. " + o.Example + ": " + o.Reason
}
