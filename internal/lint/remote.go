package lint

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/pagelint/pagelint/internal/linkcheck"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

// readURLs fetches (or crawls, or renders) the URL inputs. The first URL
// given is the home page.
func readURLs(ctx context.Context, opt *Options, urls []string) (*group, []error, error) {
	fopt := source.FetchOptions{
		UserAgent: userAgent(opt),
		Timeout:   opt.Config.Links.RequestTimeout(),
		MaxSize:   opt.Config.MaxPageSize(),
		Client:    &http.Client{Transport: opt.policy.Transport()},
	}
	var render *renderSession
	if opt.Render {
		var err error
		if render, err = startRender(ctx, opt, ""); err != nil {
			return nil, nil, err
		}
		defer render.close()
	}
	load := func(ctx context.Context, given string, doc *source.Document) (*page.Page, error) {
		if render != nil {
			return render.remote(ctx, given, doc.URL, opt)
		}
		return parse(doc.Body, given, doc.URL, "html", opt)
	}
	g := &group{remote: true}
	site := urlnorm.NewSite(opt.Config.Site.BaseURL, urls)
	var pageErrs []error
	if opt.Crawl {
		var mu sync.Mutex
		copt := source.CrawlOptions{
			FetchOptions: fopt,
			MaxPages:     opt.MaxPages,
			MaxDepth:     opt.MaxDepth,
			Sitemaps:     sitemaps(opt.Sitemaps, urls),
			Visit: func(doc *source.Document, depth int) ([]string, error) {
				p, err := load(ctx, doc.URL, doc)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					pageErrs = append(pageErrs, &InputError{Source: doc.URL, Err: err})
					return nil, nil
				}
				g.models = append(g.models, p)
				return followTargets(p, site), nil
			},
		}
		res, err := source.Crawl(ctx, urls, copt)
		if err != nil {
			return nil, nil, err
		}
		reportSkipped(opt, res.Skipped)
		g.known = crawlFailures(res.Skipped)
		g.crawl = &crawlLimit{origins: res.Origins, left: crawlBudget(opt, res)}
		sort.SliceStable(g.models, func(a, b int) bool { return g.models[a].Source < g.models[b].Source })
	} else {
		for _, u := range urls {
			if render != nil {
				// The browser fetches the page itself: no request of our own.
				p, err := render.remote(ctx, u, u, opt)
				if err != nil {
					pageErrs = append(pageErrs, &InputError{Source: u, Err: err})
					continue
				}
				g.models = append(g.models, p)
				continue
			}
			doc, err := source.Fetch(ctx, u, fopt)
			if err == nil {
				var p *page.Page
				if p, err = load(ctx, u, doc); err == nil {
					g.models = append(g.models, p)
					continue
				}
			}
			pageErrs = append(pageErrs, &InputError{Source: u, Err: err})
		}
	}
	for _, p := range g.models {
		if p.Source == urls[0] || p.URL == urls[0] {
			p.Home = true
			break
		}
	}
	g.anchors = map[string]map[string]bool{}
	for _, p := range g.models {
		g.anchors[p.URL] = anchorSet(p)
	}
	return g, pageErrs, nil
}

// crawlBudget is what is left of a crawl's --max-pages for the link checks
// of the URLs on its origins that it did not fetch: each of them would be
// one more request to the site, and a crawl of 500 pages may link to
// 50,000 more.
func crawlBudget(opt *Options, res *source.CrawlResult) int {
	maxPages := opt.MaxPages
	if maxPages <= 0 {
		maxPages = source.DefaultMaxPages
	}
	return max(maxPages-res.Fetched, 0)
}

// sitemaps are the sitemap URLs to seed a crawl from; "auto" stands for
// each start URL's /sitemap.xml.
func sitemaps(given, starts []string) []string {
	var out []string
	for _, s := range given {
		if s != "auto" {
			out = append(out, s)
			continue
		}
		for _, start := range starts {
			if u, err := url.Parse(start); err == nil && u.Host != "" {
				out = append(out, u.Scheme+"://"+u.Host+"/sitemap.xml")
			}
		}
	}
	return out
}

// followTargets are the page's link targets a crawl may follow: a link to
// the published site (site.baseURL) is followed on the origin the page was
// read from, so that a crawl of a staging copy stays on it.
func followTargets(p *page.Page, site *urlnorm.Site) []string {
	var out []string
	for _, l := range p.Links {
		if (l.Tag == page.TagA || l.Tag == page.TagArea) && IsURL(l.Target) {
			out = append(out, site.Ask(l.Target, p.URL))
		}
	}
	return out
}

// reportSkipped says in one line what a crawl left out, by reason.
func reportSkipped(opt *Options, skipped []source.Skip) {
	if len(skipped) == 0 {
		return
	}
	byReason := map[string]int{}
	for _, s := range skipped {
		byReason[s.Reason]++
	}
	reasons := make([]string, 0, len(byReason))
	for r, n := range byReason {
		reasons = append(reasons, fmt.Sprintf("%s: %d", r, n))
	}
	sort.Strings(reasons)
	opt.Warn(fmt.Sprintf("crawl skipped %d URLs (%s)", len(skipped), strings.Join(reasons, ", ")))
}

func userAgent(opt *Options) string {
	if ua := opt.Config.Links.UserAgent; ua != "" {
		return ua
	}
	if opt.Version == "" {
		return linkcheck.DefaultUserAgent()
	}
	return linkcheck.UserAgent(opt.Version)
}
