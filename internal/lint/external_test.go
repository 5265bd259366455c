package lint

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/schema"
)

// The URLs left to ask come once each, in the order the site links them
// (pages by source, links in page order), whatever order the pages were
// read in; those the run knows are judged without a request.
func TestExternalTargetsOrder(t *testing.T) {
	deferred := func(source string, targets ...string) *deferredLinks {
		pending := make([]*page.Link, len(targets))
		for i, t := range targets {
			pending[i] = &page.Link{Tag: page.TagA, Href: t, Target: t, Pos: page.Pos{Line: i + 1, Column: 1}}
		}
		return newDeferredLinks(&page.Page{Source: source}, pending)
	}
	b := deferred("b.html", "https://x.test/3", "https://x.test/1", "https://y.test/known")
	a := deferred("a.html", "https://y.test/2", "https://x.test/1#frag", "https://x.test/1")
	c := deferred("c/index.html", "https://x.test/3", "/local.html", "https://x.test/4")
	known := map[string]checks.ExternalResult{"https://y.test/known": {Reason: "404 Not Found"}}
	engine := checks.NewEngine(nil, time.Time{})
	for _, order := range [][]*deferredLinks{{a, b, c}, {c, b, a}, {b, c, a}} {
		results, targets := externalTargets(engine, order, nil, known)
		want := []string{"https://y.test/2", "https://x.test/1#frag", "https://x.test/1", "https://x.test/3", "https://x.test/4"}
		if !slices.Equal(targets, want) {
			t.Errorf("pages read %s, %s, %s: targets %q, want %q", order[0].source, order[1].source, order[2].source, targets, want)
		}
		if r, ok := results["https://y.test/known"]; !ok || r.Reason != "404 Not Found" {
			t.Errorf("the known URL: got %+v, want its known result", r)
		}
		opt := &Options{Offline: true, Config: &schema.Config{}}
		if _, counts, err := checkExternal(t.Context(), opt, engine, order, nil, nil, known, nil); err != nil || counts.offline != len(want) {
			t.Errorf("offline: %d URLs counted unchecked (%v), want %d", counts.offline, err, len(want))
		}
	}
}

// links.cache.ttl "0s" switches the cache off, as docs/config.md says;
// --no-cache does too.
func TestLinkOptionsCache(t *testing.T) {
	for _, tt := range []struct {
		config  string
		noCache bool
		want    string
	}{
		{`{}`, false, ".pagelint-cache.json"},
		{`{"links": {"cache": {"path": "links.json", "ttl": "1h"}}}`, false, "links.json"},
		{`{"links": {"cache": {"path": "links.json", "ttl": "0s"}}}`, false, ""},
		{`{}`, true, ""},
	} {
		cfg := &schema.Config{}
		if err := json.Unmarshal([]byte(tt.config), cfg); err != nil {
			t.Fatal(err)
		}
		if err := cfg.Compile(); err != nil {
			t.Fatal(err)
		}
		if got := linkOptions(&Options{Config: cfg, NoCache: tt.noCache}).CachePath; got != tt.want {
			t.Errorf("%s, no-cache %v: cache %q, want %q", tt.config, tt.noCache, got, tt.want)
		}
	}
}
