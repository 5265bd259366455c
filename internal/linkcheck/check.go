package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"sync"
	"time"

	"github.com/pagelint/pagelint/internal/urlnorm"
	"github.com/schollz/progressbar/v3"
)

// workersPerSlot: workers per host slot. Twice as many workers as slots
// keep the host busy while some of its URLs wait out a backoff; the
// slots, not the workers, bound the requests in flight.
const workersPerSlot = 2

// job is one distinct URL of a Check.
type job struct {
	t           urlnorm.URL
	needAnchors bool
	res         *Result
	anchors     []string
	hasAnchors  bool
	partial     bool
	// hostDown: the URL failed because its host is down (see reach);
	// its result is cached once the Check knows it was no outage.
	hostDown bool
}

// input is one string the caller gave, with what it resolved to.
type input struct {
	raw string
	t   urlnorm.URL
	j   *job
}

// Check checks each distinct URL of urls once, however often it appears
// and in whatever spelling normalises to it, and returns a result for every
// input string as given; "…#frag" gets its own result when fragments are
// checked. Results of http(s) URLs carry the outcome of the request;
// mailto: and tel: are checked for syntax; other schemes are Skipped. When
// a cache path is set, Check saves the cache before it returns.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]*Result {
	start := time.Now()
	if c.opt.Deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opt.Deadline)
		defer cancel()
	}
	c.requests.Store(0)
	var lookup func(context.Context, string) ([]netip.Addr, error)
	if c.opt.Policy != nil {
		lookup = c.opt.Policy.LookupName
	}
	ctx = withReach(ctx, newReach(ctx, lookup, c.opt.Timeout))

	results := make(map[string]*Result, len(urls))
	jobs := map[string]*job{}
	var order []*job // jobs in the order their URLs were first given
	var inputs []input
	for _, raw := range urls {
		if _, seen := results[raw]; seen {
			continue
		}
		res, t := c.classifyInput(raw)
		if res != nil {
			results[raw] = res
			continue
		}
		j := jobs[t.Key]
		if j == nil {
			j = &job{t: t}
			jobs[t.Key] = j
			order = append(order, j)
		}
		if c.opt.Fragments && t.Fragment != "" {
			j.needAnchors = true
		}
		results[raw] = nil // reserved; filled in below
		inputs = append(inputs, input{raw: raw, t: t, j: j})
	}

	c.run(ctx, order)
	outage := c.settleDown(ctx, order)

	var failures, skipped int
	for _, j := range jobs {
		switch {
		case j.res.Skipped:
			skipped++
		case !j.res.OK:
			failures++
		}
	}
	for _, in := range inputs {
		results[in.raw] = c.resultFor(in)
	}
	if c.cache != nil {
		if err := c.SaveCache(); err != nil {
			c.opt.Warn(fmt.Sprintf("cannot write link cache %q: %v", c.opt.CachePath, err))
		}
	}
	if c.owned != nil {
		c.owned.CloseIdleConnections()
	}
	c.statsMu.Lock()
	c.stats = Stats{
		URLs:      len(jobs),
		Requests:  int(c.requests.Load()),
		CacheHits: c.countCacheHits(jobs),
		Failures:  failures,
		Skipped:   skipped,
		Duration:  time.Since(start),
		NoNetwork: outage,
	}
	c.statsMu.Unlock()
	return results
}

// settleDown judges the URLs of hosts that were down once all are known:
// in an outage they are not checked (nothing was learnt of them), else
// they are broken, and cached as such.
func (c *Checker) settleDown(ctx context.Context, order []*job) *Outage {
	outage := reachOf(ctx).outage(order)
	for _, j := range order {
		switch {
		case !j.hostDown:
		case outage != nil:
			j.res = &Result{URL: j.t.Key, OK: true, Skipped: true, Unchecked: true, SkipReason: noNetworkReason, Attempts: j.res.Attempts}
		default:
			c.cacheResult(j)
		}
	}
	return outage
}

// noNetworkReason is the SkipReason of a URL an outage left unchecked.
const noNetworkReason = "not checked: no host could be reached (no network)"

func (c *Checker) countCacheHits(jobs map[string]*job) int {
	n := 0
	for _, j := range jobs {
		if j.res.FromCache {
			n++
		}
	}
	return n
}

// classifyInput settles inputs that need no request (a result) and
// normalises the others.
func (c *Checker) classifyInput(raw string) (*Result, urlnorm.URL) {
	for _, re := range c.opt.Exclude {
		if re.MatchString(raw) {
			return &Result{URL: raw, OK: true, Skipped: true, SkipReason: fmt.Sprintf("excluded by %q", re.String())}, urlnorm.URL{}
		}
	}
	switch scheme := schemeOf(raw); scheme {
	case "http", "https":
	case "mailto", "tel":
		if err := CheckSyntax(raw); err != nil {
			return &Result{URL: raw, Reason: err.Error()}, urlnorm.URL{}
		}
		return &Result{URL: raw, OK: true}, urlnorm.URL{}
	case "":
		return &Result{URL: raw, Reason: fmt.Sprintf("malformed URL: %q is not absolute", raw)}, urlnorm.URL{}
	default:
		return &Result{URL: raw, OK: true, Skipped: true, SkipReason: fmt.Sprintf("scheme %q is not checked", scheme)}, urlnorm.URL{}
	}
	t, err := urlnorm.Parse(raw)
	if err != nil {
		return &Result{URL: raw, Reason: "malformed URL: " + err.Error()}, urlnorm.URL{}
	}
	// The normalised spelling may match where the given one did not.
	for _, re := range c.opt.Exclude {
		if re.MatchString(t.Key) {
			return &Result{URL: t.Key, OK: true, Skipped: true, SkipReason: fmt.Sprintf("excluded by %q", re.String())}, urlnorm.URL{}
		}
	}
	return nil, t
}

// resultFor is the result of one input: its URL's, plus its fragment.
func (c *Checker) resultFor(in input) *Result {
	r := *in.j.res
	if in.t.Fragment == "" || !c.opt.Fragments || !r.OK || r.Skipped || !in.j.hasAnchors || in.j.partial {
		return &r
	}
	if !fragmentFound(in.j.anchors, in.t.Fragment) {
		r.OK = false
		r.FragmentMissing = true
		r.Reason = fmt.Sprintf("fragment %q not found", "#"+in.t.Fragment)
	}
	return &r
}

// run checks all jobs: per host, workersPerSlot×PerHost workers take its
// URLs in turn, in the order given, each with a slot of the host in hand,
// so that a run asks a host's URLs in the same order each time (retries
// and redirects aside). Each request takes a slot of its host, then one of
// the global limit, for as long as it is in flight only, so a slow
// host holds at most PerHost global slots and never starves the others,
// and a worker sleeping before a retry (except after a 429) leaves its
// host's slot to a worker with work.
func (c *Checker) run(ctx context.Context, jobs []*job) {
	byHost := map[string][]*job{}
	var hosts []string
	for _, j := range jobs {
		if byHost[j.t.Origin] == nil {
			hosts = append(hosts, j.t.Origin)
		}
		byHost[j.t.Origin] = append(byHost[j.t.Origin], j)
	}
	bar := c.newBar(len(jobs))
	var (
		wg       sync.WaitGroup
		barMu    sync.Mutex
		failures int
	)
	done := func(j *job) {
		if bar == nil {
			return
		}
		barMu.Lock()
		defer barMu.Unlock()
		if !j.res.OK && !j.res.Skipped {
			failures++
			bar.Describe(fmt.Sprintf("checking links, %d broken", failures))
		}
		_ = bar.Add(1)
	}
	for _, hostKey := range hosts {
		list := byHost[hostKey]
		queue := make(chan *job, len(list))
		for _, j := range list {
			queue <- j
		}
		close(queue)
		hs := c.host(hostKey)
		origin := list[0].t
		for range min(workersPerSlot*c.opt.PerHost, len(list)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					// The slot before the URL: a worker that held a
					// URL not yet asked could be passed by the others
					// for as long as it is not scheduled, so the order
					// would be the scheduler's. Taken in turn by the
					// holders of slots, which are granted in order,
					// the URLs go out in the order given.
					// A host that is down has its URLs answered at
					// once, with no slot (see checkJob).
					haveSlot := reachOf(ctx).downBy(origin) == nil && hs.acquire(ctx) == nil
					j, ok := <-queue
					if !ok {
						if haveSlot {
							hs.release()
						}
						return
					}
					c.checkJob(ctx, hs, j, haveSlot)
					done(j)
				}
			}()
		}
	}
	wg.Wait()
	if bar != nil {
		_ = bar.Finish()
	}
}

func (c *Checker) newBar(total int) *progressbar.ProgressBar {
	if c.opt.Progress == nil || total == 0 {
		return nil
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(c.opt.Progress),
		progressbar.OptionSetDescription("checking links"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("URLs"),
		progressbar.OptionThrottle(100*time.Millisecond),
		// Drawn at once, the bar's first rate is that of the first
		// answer, over no time: a blank start makes it wait.
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionClearOnFinish(),
	)
}

// checkJob fills j.res from the cache or the network. haveSlot: the caller
// hands over a slot of the host for the first request.
func (c *Checker) checkJob(ctx context.Context, hs *hostState, j *job, haveSlot bool) {
	cached := c.fromCache(j)
	if err := ctx.Err(); cached || err != nil {
		if haveSlot {
			hs.release()
		}
		if !cached {
			j.res = notChecked(j.t.Key, err)
		}
		return
	}
	if f := reachOf(ctx).downBy(j.t); f != nil {
		if haveSlot {
			hs.release()
		}
		j.res, j.hostDown = &Result{URL: j.t.Key, Reason: f.reason}, true
		return
	}
	out := c.fetch(ctx, hs, j.t.Key, j.needAnchors, haveSlot)
	if out.res.Skipped {
		j.res = out.res
		return
	}
	j.res, j.anchors, j.hasAnchors, j.partial = out.res, out.anchors, out.hasAnchors, out.partial
	if j.hostDown = out.hostDown; !j.hostDown {
		c.cacheResult(j)
	}
}

// cacheResult keeps the result of a URL that was asked.
func (c *Checker) cacheResult(j *job) {
	if c.cache != nil {
		c.cache.put(j.t.Key, &cacheEntry{
			Checked: c.now(), OK: j.res.OK, Status: j.res.Status, Reason: j.res.Reason,
			FinalURL: j.res.FinalURL, Permanent: j.res.Permanent,
			Anchors: j.anchors, HasAnchors: j.hasAnchors, Partial: j.partial,
		})
	}
}

// fromCache fills j from the cache, when it holds what the job needs.
func (c *Checker) fromCache(j *job) bool {
	if c.cache == nil {
		return false
	}
	e := c.cache.get(j.t.Key, c.now(), c.opt.CacheTTL, c.opt.FailureTTL)
	if e == nil || j.needAnchors && !e.HasAnchors && e.OK {
		return false
	}
	j.res = &Result{URL: j.t.Key, OK: e.OK, Status: e.Status, Reason: e.Reason,
		FinalURL: e.FinalURL, Permanent: e.Permanent, FromCache: true}
	j.anchors, j.hasAnchors, j.partial = e.Anchors, e.HasAnchors, e.Partial
	return true
}

// notChecked is the result of a URL the run had no time for: skipped, not
// broken, and never cached.
func notChecked(key string, err error) *Result {
	why := "not checked: the run was canceled"
	if errors.Is(err, context.DeadlineExceeded) {
		why = "not checked: the overall deadline passed"
	}
	return &Result{URL: key, OK: true, Skipped: true, SkipReason: why, Unchecked: true}
}
