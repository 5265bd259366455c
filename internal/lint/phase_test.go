package lint

import (
	"testing"
	"time"

	"github.com/pagelint/pagelint/checks"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/schema"
)

const templated = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>
<nav aria-label="Main"><ul><li><a href="/a.html">A</a></li><li><a href="/b.html#x">B</a></li></ul></nav>
<main id="top"><a href="#top">top</a> <a href="/b.html#y">b, y</a> <a href="https://example.com/">ext</a> <a href="/gone.html">gone</a></main>
<footer><a href="/privacy.html">Privacy</a> &copy; 2026</footer></body></html>`

// TestCheckPageKeepsOnlyWhatTheSiteNeeds: once checked, a page is kept as
// the engine's index of it; its menus are shared with the pages of the same
// template, and only the links that need other pages or the network wait
// for later.
func TestCheckPageKeepsOnlyWhatTheSiteNeeds(t *testing.T) {
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	site := &localSite{files: &source.Site{Files: map[string]bool{"/a.html": true, "/b.html": true, "/privacy.html": true, "/p1.html": true, "/p2.html": true}}}
	engine := checks.NewEngine(cfg, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	env := engine.NewEnv(site)
	env.Reading = true
	var results []checked
	for _, name := range []string{"/p1.html", "/p2.html"} {
		p, err := htmlpage.Parse([]byte(templated), htmlpage.Options{Source: name[1:], URL: name})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, checkPage(engine, env, p, true, newAnchorSets()))
	}
	a, b := results[0], results[1]
	if a.index.Links != nil {
		t.Errorf("the index keeps links that no site check reads: %+v", a.index)
	}
	if len(a.index.Menus) != 1 || a.index.Menus[0] != b.index.Menus[0] {
		t.Errorf("pages of one template do not share their menu: %v %v", a.index.Menus, b.index.Menus)
	}
	var deferred []string
	for _, l := range a.deferred.page(&linkBuf{}).Links {
		deferred = append(deferred, l.Href)
	}
	want := []string{"/b.html#x", "/b.html#y", "https://example.com/"}
	if len(deferred) != len(want) {
		t.Fatalf("deferred %q, want %q", deferred, want)
	}
	for i := range want {
		if deferred[i] != want[i] {
			t.Errorf("deferred %q, want %q", deferred, want)
		}
	}
	if len(a.findings) != 1 || a.findings[0].Rule != "link-broken" {
		t.Errorf("findings of the page alone = %+v, want the broken /gone.html", a.findings)
	}
	if !a.anchors["top"] {
		t.Errorf("anchors %v lack #top", a.anchors)
	}
}

func TestMineOf(t *testing.T) {
	sources := []string{"a.html", "b.html", "c.html", "d.html", "e.html"}
	seen := map[string]int{}
	for i := 1; i <= 2; i++ {
		mine := mineOf(sources, shardOf(i, 2))
		for _, s := range sources {
			if mine(s) {
				seen[s]++
			}
		}
	}
	for _, s := range sources {
		if seen[s] != 1 {
			t.Errorf("%s is in %d shards, want 1", s, seen[s])
		}
	}
	if all := mineOf(sources, shardOf(0, 0)); !all("a.html") {
		t.Error("no shard given: every page is mine")
	}
}

func shardOf(i, n int) Shard { return Shard{Index: i, Count: n} }
