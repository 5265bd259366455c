package lint

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/linkcheck"
	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

// checkExternal checks every distinct external URL the pages link to, once.
// URLs the run fetched itself (pages of a crawl, and what the crawl could not
// fetch) are judged by what the run already knows, even offline; the URLs
// on a crawl's origins that it did not fetch count against its --max-pages.
// pages carry the links to check.
func checkExternal(ctx context.Context, opt *Options, pages []*deferredLinks, learnt *linkKnowledge) (map[string]checks.ExternalResult, linkCounts, error) {
	online := !opt.Offline && opt.Config.Links.CheckExternal()
	results, targets, overBudget := externalTargets(pages, learnt, online)
	if overBudget > 0 {
		opt.Warn(fmt.Sprintf("%s of the crawled site not checked: they are beyond --max-pages, which the pages fetched and the links to its own pages share",
			plural(overBudget, "URL", "URLs")))
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
			plural(refused, "external link", "external links")))
	}
	return results, linkCounts{checked: len(results), unchecked: unchecked}, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// linkCounts are the distinct link targets a run judged, and the external
// ones links.deadline left unchecked.
type linkCounts struct{ checked, unchecked int }

// linkKnowledge is what reading the inputs learnt about link targets, by
// normal form (internal/urlnorm).
type linkKnowledge struct {
	// fetched holds the anchors of the pages the run fetched.
	fetched map[string]map[string]bool
	// known are results of URLs the run tried to fetch.
	known map[string]checks.ExternalResult
	// crawlOrigins are the origins of a crawl; budget is how many URLs on
	// them that it did not fetch may still be asked.
	crawlOrigins map[string]bool
	budget       int
}

// externalTargets judges the external links the run already knows and
// lists, once each, those left to ask when online, in the order the site
// links them: pages in the order of their sources (the workers read them
// in no set order), links in page order, so that a run asks the same URLs
// in the same order every time. Of the URLs on a crawl's origins that it
// did not fetch, only as many are listed as its budget allows; overBudget
// counts the others.
func externalTargets(pages []*deferredLinks, learnt *linkKnowledge, online bool) (results map[string]checks.ExternalResult, targets []string, overBudget int) {
	results = map[string]checks.ExternalResult{}
	seen := map[string]bool{}
	listed, over := map[string]bool{}, map[string]bool{} // URLs on a crawl's origins, by normal form
	pages = slices.Clone(pages)
	slices.SortStableFunc(pages, func(a, b *deferredLinks) int { return strings.Compare(a.source, b.source) })
	for _, p := range pages {
		for i := range p.links {
			t := p.target(i)
			// The checks deferred only what they judge external.
			if !IsURL(t) || seen[t] {
				continue
			}
			seen[t] = true
			key := urlnorm.Key(t)
			if anchors, ok := learnt.fetched[key]; ok {
				results[t] = knownResult(anchors, t)
				continue
			}
			if r, ok := learnt.known[key]; ok {
				results[t] = r
				continue
			}
			if !online {
				continue
			}
			if u, err := urlnorm.Parse(t); err == nil && learnt.crawlOrigins[u.Origin] {
				switch {
				case over[key]:
					continue
				case listed[key]:
				case learnt.budget == 0:
					over[key] = true
					continue
				default:
					listed[key] = true
					learnt.budget--
				}
			}
			targets = append(targets, t)
		}
	}
	return results, targets, len(over)
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
