package lint

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/linkcheck"
	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

// checkExternal checks every distinct external URL the pages link to, once.
// URLs the run fetched itself (pages of a crawl, and what the crawl could not
// fetch) are judged by what the run already knows, even offline; the URLs
// on a crawl's origins that it did not fetch count against its
// --max-pages (see crawlLimit).
//
// pages carry the links to check, and unasked the URLs of the links that
// no answer will judge (counted only, see checks.Env.Unanswered); fetched
// holds the anchors of the pages the run fetched, and known what the crawl
// learnt of the URLs it could not fetch, both by normal form
// (internal/urlnorm).
func checkExternal(ctx context.Context, opt *Options, engine *checks.Engine, pages []*deferredLinks, unasked urlSet, fetched map[string]map[string]bool, known map[string]checks.ExternalResult, crawl *crawlLimit) (map[string]checks.ExternalResult, linkCounts, error) {
	online := !opt.Offline && opt.Config.Links.CheckExternal()
	if opt.unanswered {
		// The checks listed every URL they would ask as unasked
		// (checks.Env.Unanswered): what the pages left pending waits for
		// other pages' anchors alone, and asking each of those links for a
		// URL (most of a site's links to fragments) would find none.
		return nil, linkCounts{offline: notExcluded(opt, slices.Collect(maps.Keys(unasked)))}, nil
	}
	results, targets := externalTargets(engine, pages, fetched, known)
	if !online {
		for _, t := range targets {
			delete(unasked, t)
		}
		offline := notExcluded(opt, targets) + notExcluded(opt, slices.Collect(maps.Keys(unasked)))
		return results, linkCounts{checked: len(results), offline: offline}, nil
	}
	targets, overBudget := crawl.within(targets)
	if overBudget > 0 {
		opt.Warn(fmt.Sprintf("%s of the crawled site not checked: they are beyond --max-pages, which the pages fetched and the links to its own pages share",
			finding.Plural(overBudget, "URL", "URLs")))
	}
	if len(targets) == 0 {
		return results, linkCounts{checked: len(results)}, nil
	}
	checker, err := linkcheck.New(linkOptions(opt))
	if err != nil {
		return nil, linkCounts{}, err
	}
	var unchecked, refused int
	for t, r := range checker.Check(ctx, targets) {
		if r.Unchecked {
			unchecked++
		}
		if r.Refused {
			refused++
		}
		if r.Skipped {
			continue
		}
		// A page that works but lacks the fragment is link-fragment's
		// finding, not a broken link.
		ok := r.OK || r.FragmentMissing
		reason := r.Reason
		if ok {
			reason = ""
		}
		results[t] = checks.ExternalResult{
			OK:              ok,
			Reason:          reason,
			FinalURL:        r.FinalURL,
			Permanent:       r.Permanent,
			FragmentMissing: r.FragmentMissing,
		}
	}
	if refused > 0 {
		opt.Warn(fmt.Sprintf("%s not checked: the network policy refuses their addresses (loopback and private ones are checked with --allow-private; link-local ones never)",
			finding.Plural(refused, "external link", "external links")))
	}
	outage := checker.Stats().NoNetwork
	if outage != nil {
		opt.Warn(fmt.Sprintf("%s not checked: no host could be reached (%s); is the network down? Use --offline to check no external link",
			finding.Plural(unchecked, "external link", "external links"), outage.Summary()))
	}
	return results, linkCounts{checked: len(results), unchecked: unchecked, noNetwork: outage != nil}, nil
}

// crawlLimit is what a crawl leaves of its --max-pages to the link checks
// of the URLs on its origins that it did not fetch: each of them would be
// one more request to the site, and a crawl of 500 pages may link to
// 50,000 more. nil for a run without a crawl.
type crawlLimit struct {
	origins map[string]bool
	left    int
}

// within keeps, in order, the URLs off the crawl's origins and as many on
// them as the budget allows (each URL once, whatever its fragment), and
// counts the URLs left out.
func (c *crawlLimit) within(targets []string) (kept []string, over int) {
	if c == nil || len(c.origins) == 0 {
		return targets, 0
	}
	listed, left := map[string]bool{}, map[string]bool{}
	for _, t := range targets {
		u, err := urlnorm.Parse(t)
		switch {
		case err != nil || !c.origins[u.Origin], listed[u.Key]:
		case left[u.Key] || c.left == 0:
			left[u.Key] = true
			continue
		default:
			listed[u.Key] = true
			c.left--
		}
		kept = append(kept, t)
	}
	return kept, len(left)
}

// linkCounts are the distinct link targets a run judged, the external ones
// links.deadline or an outage left unchecked, and those an offline run left
// unchecked; noNetwork: the run could reach no external host
// (linkcheck.Outage).
type linkCounts struct {
	checked, unchecked, offline int
	noNetwork                   bool
}

// notExcluded counts the URLs that links.exclude would not have spared.
func notExcluded(opt *Options, urls []string) int {
	n := 0
	for _, u := range urls {
		if !opt.Config.Links.Excluded(u) && !opt.Config.Links.Excluded(urlnorm.Key(u)) {
			n++
		}
	}
	return n
}

// externalTargets judges the links the run already knows of (the pages it
// fetched, what its crawl could not fetch) and lists, once each, the URLs
// left to ask, in the order the site links them: pages in the order of
// their sources (the workers read them in no set order), links in page
// order, so that a run asks the same URLs in the same order every time.
// What a link asks is the engine's to say (checks.Engine.AskURL).
func externalTargets(engine *checks.Engine, pages []*deferredLinks, fetched map[string]map[string]bool, known map[string]checks.ExternalResult) (map[string]checks.ExternalResult, []string) {
	results := map[string]checks.ExternalResult{}
	var targets []string
	seen := map[string]bool{}
	pages = slices.Clone(pages)
	slices.SortStableFunc(pages, func(a, b *deferredLinks) int { return strings.Compare(a.source, b.source) })
	for _, p := range pages {
		for i := range p.links {
			t := engine.AskURL(p.url, p.href(i), p.target(i))
			if t == "" || seen[t] {
				continue
			}
			seen[t] = true
			key := urlnorm.Key(t)
			if anchors, ok := fetched[key]; ok {
				results[t] = knownResult(anchors, t)
			} else if r, ok := known[key]; ok {
				results[t] = r
			} else {
				targets = append(targets, t)
			}
		}
	}
	return results, targets
}

// crawlFailures turns what a crawl could not fetch into link results: a URL
// that answered 404 is broken for every page that links to it, with no
// second request; one that is not HTML exists.
func crawlFailures(skipped []source.Skip) map[string]checks.ExternalResult {
	known := map[string]checks.ExternalResult{}
	for _, s := range skipped {
		_, refused := netpolicy.IsRefused(s.Err)
		switch {
		case s.Err == nil, refused:
		case errors.Is(s.Err, source.ErrNotHTML):
			known[urlnorm.Key(s.URL)] = checks.ExternalResult{OK: true}
		default:
			known[urlnorm.Key(s.URL)] = checks.ExternalResult{Reason: s.Reason}
		}
	}
	return known
}

// knownResult judges a link to a page of the run by that page's model.
func knownResult(anchors map[string]bool, target string) checks.ExternalResult {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		frag = target[i+1:]
	}
	if frag == "" || frag == "top" {
		return checks.ExternalResult{OK: true}
	}
	return checks.ExternalResult{OK: true, FragmentMissing: !anchors[frag]}
}

// linkOptions turns the config's links section into the checker's options.
func linkOptions(opt *Options) linkcheck.Options {
	l := &opt.Config.Links
	retries := l.MaxRetries()
	if retries == 0 {
		retries = -1 // the checker reads 0 as "the default"
	}
	o := linkcheck.Options{
		Concurrency: l.MaxConcurrency(),
		PerHost:     l.PerHost, // unset: adaptive, see linkcheck.DefaultMaxPerHost
		Timeout:     l.RequestTimeout(),
		Deadline:    l.RunDeadline(),
		Retries:     retries,
		Accept:      l.AcceptedStatus(),
		Exclude:     l.ExcludePatterns(),
		Policy:      opt.policy,
		UserAgent:   userAgent(opt),
		Fragments:   l.ExternalFragments,
		CacheTTL:    l.CacheTTL(),
		FailureTTL:  l.CacheFailureTTL(),
		Progress:    opt.Progress,
		Warn:        opt.Warn,
	}
	// A cache whose results last no time ("ttl": "0s") is no cache.
	if !opt.NoCache && l.CacheTTL() > 0 {
		o.CachePath = opt.Config.ResolvePath(l.CachePath())
	}
	for i, re := range l.HeaderPatterns() {
		o.Headers = append(o.Headers, linkcheck.HeaderRule{Pattern: re, Headers: l.Headers[i].Headers})
	}
	return o
}
