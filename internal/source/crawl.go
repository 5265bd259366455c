package source

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

const (
	// DefaultMaxPages bounds a crawl when CrawlOptions.MaxPages is 0.
	DefaultMaxPages = 500
	// DefaultConcurrency is the number of parallel fetches when CrawlOptions.Concurrency is 0.
	DefaultConcurrency = 4
)

// CrawlOptions tunes a crawl.
type CrawlOptions struct {
	FetchOptions
	MaxPages int      // HTML pages to visit at most; 0 = DefaultMaxPages
	MaxDepth int      // link hops from a start page; 0 = unlimited
	Sitemaps []string // sitemap URLs (sitemap.xml or sitemap index files) whose pages seed the crawl
	// Visit is called for each fetched HTML page with its depth (0 for a
	// start page or a sitemap page), always from the goroutine that called
	// Crawl, one call at a time, in breadth-first order: start pages in the
	// order given, then sitemap pages, then each level in the order its links
	// were found. The order is the same on every run, however the fetches
	// interleave. It returns the page's link targets to follow (absolute, or
	// relative to doc.URL); an error stops the crawl and is returned.
	Visit       func(doc *Document, depth int) ([]string, error)
	Concurrency int // parallel fetches; 0 = DefaultConcurrency
}

// Skip is a URL that a crawl found but did not visit, and why: "other
// origin", "max pages reached", "max depth", "not an HTML page
// (application/pdf)", "404 Not Found", …
type Skip struct {
	URL, Reason string
	// Err is the failure of a fetch (a status, a refused connection, a
	// page that is not HTML); nil for URLs the crawl chose not to fetch.
	Err error
}

// CrawlResult is what a crawl did.
type CrawlResult struct {
	Fetched int    // HTML pages visited
	Skipped []Skip // in the order they were met
	// Origins are the origins the crawl kept to ("scheme://host[:port]"):
	// those of its start URLs and sitemaps, and where a start URL
	// redirected.
	Origins map[string]bool
}

type crawlJob struct {
	url       string
	depth     int
	seed      bool // a start URL: a redirect may take it to another origin, which then joins the crawl
	started   bool
	duplicate bool
	done      chan struct{}
	doc       *Document
	err       error
}

type crawler struct {
	opt     CrawlOptions
	origins map[string]bool // origins the crawl may visit
	seen    map[string]bool // normalised URLs queued or skipped
	visited map[string]bool // normalised final URLs visited
	queue   []*crawlJob
	result  *CrawlResult
}

// Crawl visits the pages reachable from the start URLs breadth-first, within
// their origins (scheme, host and port), fetching each URL once by its normal
// form (internal/urlnorm) and at most MaxPages HTML pages. It returns an
// error when a start URL is invalid, when Visit fails, when ctx ends, or when
// not a single HTML page could be fetched; the result is returned in every
// case but the first, so that the caller can report what was skipped.
func Crawl(ctx context.Context, starts []string, opt CrawlOptions) (*CrawlResult, error) {
	if opt.MaxPages <= 0 {
		opt.MaxPages = DefaultMaxPages
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = DefaultConcurrency
	}
	if len(starts) == 0 && len(opt.Sitemaps) == 0 {
		return nil, fmt.Errorf("nothing to crawl: no start URL and no sitemap")
	}
	c := &crawler{
		opt:     opt,
		origins: map[string]bool{},
		seen:    map[string]bool{},
		visited: map[string]bool{},
		result:  &CrawlResult{},
	}
	c.result.Origins = c.origins
	var seeds []string
	for _, s := range starts {
		n, err := normalURL(s)
		if err != nil {
			return nil, err
		}
		c.origins[n.Origin] = true
		seeds = append(seeds, n.Key)
	}
	for _, s := range opt.Sitemaps {
		n, err := normalURL(s)
		if err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		c.origins[n.Origin] = true
	}
	for _, n := range seeds {
		if !c.seen[n] {
			c.seen[n] = true
			c.queue = append(c.queue, &crawlJob{url: n, seed: true, done: make(chan struct{})})
		}
	}
	for _, s := range opt.Sitemaps {
		urls, err := SitemapURLs(ctx, s, opt.FetchOptions)
		if err != nil {
			if ctx.Err() != nil {
				return c.result, ctx.Err()
			}
			c.skip(s, "sitemap: "+err.Error())
			continue
		}
		for _, u := range urls {
			c.add(u, nil, 0)
		}
	}
	if err := c.run(ctx); err != nil {
		return c.result, err
	}
	if c.result.Fetched == 0 {
		return c.result, c.nothingFound(starts)
	}
	return c.result, nil
}

func (c *crawler) run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // runs before wg.Wait: in-flight fetches end early
	fetched := 0
	next := 0 // the next job to start
	for i := 0; i < len(c.queue); i++ {
		// Start fetches ahead of the visits, but never more than could still
		// be visited: a crawl trap then costs no more requests than the
		// page budget.
		for next < len(c.queue) && next-i < c.opt.Concurrency && fetched+(next-i) < c.opt.MaxPages {
			if j := c.queue[next]; c.visited[j.url] {
				j.duplicate = true // reached already through a redirect
			} else {
				c.start(ctx, &wg, j)
			}
			next++
		}
		j := c.queue[i]
		if j.duplicate {
			continue
		}
		if !j.started {
			// Only when the budget is spent: nothing after it will start.
			c.skip(j.url, "max pages reached")
			next = i + 1
			continue
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if j.err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			c.result.Skipped = append(c.result.Skipped, Skip{URL: j.url, Reason: j.err.Error(), Err: j.err})
			continue
		}
		n, err := normalURL(j.doc.URL)
		if err != nil {
			c.skip(j.url, err.Error())
			continue
		}
		final := n.Key
		if final != j.url {
			if j.seed {
				c.origins[n.Origin] = true
			} else if !c.origins[n.Origin] {
				c.skip(j.url, fmt.Sprintf("redirected to another origin (%s)", final))
				continue
			}
			c.seen[final] = true
		}
		if c.visited[final] {
			continue // a redirect to a page visited already
		}
		c.visited[final] = true
		fetched++
		c.result.Fetched++
		if c.opt.Visit == nil {
			continue
		}
		links, err := c.opt.Visit(j.doc, j.depth)
		if err != nil {
			return err
		}
		base, _ := url.Parse(j.doc.URL)
		for _, l := range links {
			c.add(l, base, j.depth+1)
		}
	}
	return nil
}

func (c *crawler) start(ctx context.Context, wg *sync.WaitGroup, j *crawlJob) {
	j.started = true
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(j.done)
		j.doc, j.err = Fetch(ctx, j.url, c.opt.FetchOptions)
	}()
}

// add queues a link found at depth, unless it was met before, leaves the
// crawl's origins, or is too deep. Links that are no web pages (mailto:,
// tel:, javascript:) are passed over in silence.
func (c *crawler) add(link string, base *url.URL, depth int) {
	ref, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	scheme := strings.ToLower(ref.Scheme)
	if (scheme != "http" && scheme != "https") || ref.Host == "" {
		return
	}
	n := urlnorm.Of(ref)
	if c.seen[n.Key] {
		return
	}
	c.seen[n.Key] = true
	switch {
	case !c.origins[n.Origin]:
		c.skip(n.Key, "other origin")
	case c.opt.MaxDepth > 0 && depth > c.opt.MaxDepth:
		c.skip(n.Key, "max depth")
	default:
		c.queue = append(c.queue, &crawlJob{url: n.Key, depth: depth, done: make(chan struct{})})
	}
}

func (c *crawler) skip(u, reason string) {
	c.result.Skipped = append(c.result.Skipped, Skip{URL: u, Reason: reason})
}

// nothingFound explains a crawl that visited no page, with the reason the
// start URL gave when there is one.
func (c *crawler) nothingFound(starts []string) error {
	where := make([]string, 0, len(starts))
	for _, s := range starts {
		where = append(where, fmt.Sprintf("%q", s))
	}
	if len(where) == 0 {
		for _, s := range c.opt.Sitemaps {
			where = append(where, fmt.Sprintf("%q", s))
		}
	}
	msg := "crawl found no HTML page at " + strings.Join(where, ", ")
	if len(starts) == 1 {
		n, _ := normalURL(starts[0])
		for _, s := range c.result.Skipped {
			if s.URL == n.Key {
				return fmt.Errorf("%s: %s", msg, s.Reason)
			}
		}
	} else if len(starts) == 0 && len(c.result.Skipped) > 0 && len(c.opt.Sitemaps) == 1 {
		return fmt.Errorf("%s: %s", msg, c.result.Skipped[0].Reason)
	}
	return fmt.Errorf("%s", msg)
}

// normalURL is the normal form of a URL the crawl was given, which must be
// an absolute http(s) URL.
func normalURL(raw string) (urlnorm.URL, error) {
	u, err := parseHTTPURL(raw)
	if err != nil {
		return urlnorm.URL{}, err
	}
	return urlnorm.Of(u), nil
}
