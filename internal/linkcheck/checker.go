package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// Result is the outcome for one URL as the caller gave it.
type Result struct {
	URL string // the normalised URL that was requested (without fragment)
	// OK: the URL works, or it was Skipped. Only !OK is a broken link.
	OK     bool
	Status int // the final HTTP status; 0 when no answer came
	// Reason says why it is broken: "404 Not Found", "timeout after 10s", ….
	Reason          string
	FinalURL        string // where redirects led; "" when there were none
	Permanent       bool   // the URL answered with a permanent redirect (301, 308)
	FragmentMissing bool   // the page works but has no such #fragment
	Skipped         bool   // not checked: excluded, refused, scheme, deadline, no network
	SkipReason      string
	// Refused: Skipped because Options.Policy refused the address of the
	// URL or of a redirect.
	Refused bool
	// Unchecked: Skipped because the run's deadline passed or it was
	// canceled before the URL was asked, or because the Check could reach
	// no host (Stats.NoNetwork).
	Unchecked bool
	FromCache bool
	Attempts  int // requests made for it, HEAD→GET fallbacks and redirects included
}

// Stats sum up the last Check.
type Stats struct {
	URLs      int // distinct URLs after normalisation
	Requests  int // HTTP requests sent
	CacheHits int
	Failures  int // distinct URLs found broken
	Skipped   int // distinct URLs not checked
	Duration  time.Duration
	// NoNetwork is set when the Check could reach no host (see Outage).
	NoNetwork *Outage
}

// Checker checks external URLs. It is safe for concurrent use.
type Checker struct {
	opt     Options
	accept  []statusRange
	headers []HeaderRule
	client  *http.Client
	owned   *http.Transport // the default transport, closed after each Check
	cache   *cache
	sem     chan struct{} // global limit on requests in flight
	// startPerHost is the requests in flight a host starts with;
	// opt.PerHost the most it may get.
	startPerHost int

	hostsMu sync.Mutex
	hosts   map[string]*hostState

	requests atomic.Int64
	statsMu  sync.Mutex
	stats    Stats

	// Knobs for tests: backoff before the first retry, the clock, and
	// the timer that ends a try's patience (see send).
	backoffBase time.Duration
	now         func() time.Time
	afterFunc   func(d time.Duration, f func()) (stop func() bool)
}

// New checks the options and prepares a Checker; it reads the cache file
// now, warning (never failing) when it is unreadable.
func New(opt Options) (*Checker, error) {
	if opt.Concurrency < 0 || opt.PerHost < 0 {
		return nil, fmt.Errorf("concurrency limits must be positive, got %d and %d per host", opt.Concurrency, opt.PerHost)
	}
	if opt.Concurrency == 0 {
		opt.Concurrency = DefaultConcurrency
	}
	// A per-host limit the caller gives is the most a host gets; without
	// one, a host starts at DefaultPerHost and may grow to
	// DefaultMaxPerHost (see slots).
	startPerHost := opt.PerHost
	if opt.PerHost == 0 {
		startPerHost, opt.PerHost = DefaultPerHost, DefaultMaxPerHost
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	switch {
	case opt.Retries == 0:
		opt.Retries = DefaultRetries
	case opt.Retries < 0:
		opt.Retries = 0
	}
	if opt.CacheTTL <= 0 {
		opt.CacheTTL = DefaultCacheTTL
	}
	if opt.FailureTTL <= 0 {
		opt.FailureTTL = DefaultFailureTTL
	}
	if opt.MaxRetryAfter <= 0 {
		opt.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent()
	}
	if opt.Warn == nil {
		opt.Warn = func(string) {}
	}
	accept, err := parseAccept(opt.Accept)
	if err != nil {
		return nil, err
	}
	headers, err := expandHeaders(opt.Headers)
	if err != nil {
		return nil, err
	}
	for i, re := range opt.Exclude {
		if re == nil {
			return nil, fmt.Errorf("exclude pattern %d is nil", i)
		}
	}
	c := &Checker{
		opt:          opt,
		startPerHost: startPerHost,
		accept:       accept,
		headers:      headers,
		sem:          make(chan struct{}, opt.Concurrency),
		hosts:        map[string]*hostState{},
		backoffBase:  500 * time.Millisecond,
		now:          time.Now,
		afterFunc:    func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop },
	}
	transport := opt.Transport
	if transport == nil {
		c.owned = newTransport(opt)
		transport = c.owned
	}
	// Some sites set a cookie and redirect to themselves: without a jar
	// that is an endless loop, with one it is the page a browser shows.
	jar, _ := cookiejar.New(nil)
	c.client = &http.Client{
		Transport: transport,
		Jar:       jar,
		// Redirects are followed by hand, to count them, detect loops and
		// apply the per-URL headers to each hop.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if opt.CachePath != "" {
		c.cache = loadCache(opt.CachePath, opt.Warn)
	}
	return c, nil
}

// newTransport is one transport for all requests, so connections to a host
// are reused across its URLs. Its lookups of names go through the reach
// of the Check whose request dials (see reachOf), which asks each name
// once at a time.
func newTransport(opt Options) *http.Transport {
	dialer := &net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          2 * opt.Concurrency,
		MaxIdleConnsPerHost:   2 * opt.PerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   opt.Timeout,
		ExpectContinueTimeout: time.Second,
	}
	if opt.Policy != nil {
		policy := opt.Policy.WithResolve(func(ctx context.Context, host string) ([]netip.Addr, error) {
			if r := reachOf(ctx); r != nil {
				return r.resolve(ctx, host)
			}
			return opt.Policy.LookupName(ctx, host)
		})
		t.Proxy = policy.Proxy
		t.DialContext = policy.DialContext(dialer)
	}
	return t
}

// Stats returns the figures of the last Check.
func (c *Checker) Stats() Stats {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	return c.stats
}

// SaveCache writes the cache file now. Check calls it at its end, so a
// caller needs it only to save after an interrupted Check.
func (c *Checker) SaveCache() error {
	if c.cache == nil {
		return nil
	}
	return c.cache.save(c.now(), c.opt.CacheTTL, c.opt.FailureTTL)
}

func (c *Checker) host(key string) *hostState {
	c.hostsMu.Lock()
	defer c.hostsMu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = newHostState(c.startPerHost, c.opt.PerHost)
		c.hosts[key] = h
	}
	return h
}
