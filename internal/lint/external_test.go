package lint

import (
	"slices"
	"testing"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
)

// The URLs left to ask come once each, in the order the site links them
// (pages by source, links in page order), whatever order the pages were
// read in; those the run knows are judged without a request.
func TestExternalTargetsOrder(t *testing.T) {
	link := func(target string) *page.Link { return &page.Link{Target: target} }
	b := &page.Page{Source: "b.html", Links: []*page.Link{link("https://x.test/3"), link("https://x.test/1"), link("https://y.test/known")}}
	a := &page.Page{Source: "a.html", Links: []*page.Link{link("https://y.test/2"), link("https://x.test/1#frag"), link("https://x.test/1")}}
	c := &page.Page{Source: "c/index.html", Links: []*page.Link{link("https://x.test/3"), link("/local.html"), link("https://x.test/4")}}
	known := map[string]checks.ExternalResult{"https://y.test/known": {Reason: "404 Not Found"}}
	for _, order := range [][]*page.Page{{a, b, c}, {c, b, a}, {b, c, a}} {
		results, targets := externalTargets(order, nil, known, true)
		want := []string{"https://y.test/2", "https://x.test/1#frag", "https://x.test/1", "https://x.test/3", "https://x.test/4"}
		if !slices.Equal(targets, want) {
			t.Errorf("pages read %s, %s, %s: targets %q, want %q", order[0].Source, order[1].Source, order[2].Source, targets, want)
		}
		if r, ok := results["https://y.test/known"]; !ok || r.Reason != "404 Not Found" {
			t.Errorf("the known URL: got %+v, want its known result", r)
		}
		if _, targets := externalTargets(order, nil, known, false); len(targets) != 0 {
			t.Errorf("offline: targets %q, want none", targets)
		}
	}
}
