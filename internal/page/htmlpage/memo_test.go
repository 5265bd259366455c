package htmlpage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// fullModel is everything of a model a check can read, its controls too.
func fullModel(t *testing.T, p *page.Page) string {
	controls, err := json.Marshal(p.Controls)
	if err != nil {
		t.Fatal(err)
	}
	suppressions, err := json.Marshal(p.Suppressions)
	if err != nil {
		t.Fatal(err)
	}
	return modelJSON(t, p) + string(controls) + string(suppressions)
}

// variants of a page that keep its regions' markup but move them: more
// lines before them, more text before them on their line, another
// directory, a base.
func variants(src string) map[string]struct{ src, url string } {
	out := map[string]struct{ src, url string }{
		"as is":            {src, "/dir/index.html"},
		"other directory":  {src, "/other/deeper/page.html"},
		"lines before":     {strings.Replace(src, "<body", "<!-- one -->\n<!-- two -->\n<body", 1), "/dir/a.html"},
		"text before":      {strings.Replace(src, "<header", "<span>x</span> <header", 1), "/dir/b.html"},
		"text before nav":  {strings.Replace(src, "<nav", "<i>é</i><nav", 1), "/dir/c.html"},
		"text before foot": {strings.Replace(src, "<footer", "<b>ü</b> <footer", 1), "/dir/d.html"},
		"with base":        {strings.Replace(src, "<head>", `<head><base href="/elsewhere/">`, 1), "/dir/e.html"},
	}
	return out
}

// pagesForMemo are real pages of the repository's fixtures and example
// site, and generated ones.
func pagesForMemo(t *testing.T) map[string]string {
	pages := map[string]string{}
	for i := range 3 {
		pages["generated "+string(rune('a'+i))] = genPage(i)
	}
	for _, dir := range []string{"../../../fixtures", "../../../examples"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			pages[path] = string(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return pages
}

// TestRegionsCacheGivesTheSameModel: a page parsed with the cache, whether
// its regions were seen before or not, has exactly the model it has
// without.
func TestRegionsCacheGivesTheSameModel(t *testing.T) {
	pages := pagesForMemo(t)
	if len(pages) < 20 {
		t.Fatalf("only %d pages to compare", len(pages))
	}
	hits, replays := 0, int64(0)
	for name, src := range pages {
		cache := NewRegions()
		for vname, v := range variants(src) {
			opt := Options{Source: "p.html", URL: v.url}
			p, err := Parse([]byte(v.src), opt)
			if err != nil {
				continue // the bad-input fixtures
			}
			want := fullModel(t, p)
			// Three times: seen once, kept, copied.
			for round := range 3 {
				opt.Regions = cache
				got, err := Parse([]byte(v.src), opt)
				if err != nil {
					t.Fatal(err)
				}
				if g := fullModel(t, got); g != want {
					t.Fatalf("%s, %s, round %d: the cache changed the model\ngot  %s\nwant %s", name, vname, round, g, want)
				}
			}
		}
		hits += len(cache.templates)
		replays += cache.replays.Load()
	}
	if hits < len(pages) || replays < int64(len(pages)) {
		t.Errorf("%d regions kept, %d replayed for %d pages: the cache is hardly used", hits, replays, len(pages))
	}
}

// TestRegionsCacheRawTextRoot: a menu whose element holds raw text (a
// selector may name a textarea) is replayed in the lexer's raw text state.
func TestRegionsCacheRawTextRoot(t *testing.T) {
	cache := NewRegions()
	for _, body := range []string{"<textarea>ab</textarea>", "<textarea>ab</textarea>", "<textarea>ab<a href=/x>x</a></textarea>"} {
		opt := Options{Menus: []NamedSelector{{Name: "T", Selector: "textarea"}}}
		want := fullModel(t, mustParse(t, body, opt))
		opt.Regions = cache
		if got := fullModel(t, mustParse(t, body, opt)); got != want {
			t.Errorf("%s: the cache changed the model\ngot  %s\nwant %s", body, got, want)
		}
	}
}

// TestRegionsCacheSkipsLabelledBy: a region named by an id outside it
// depends on the page, so it is never kept.
func TestRegionsCacheSkipsLabelledBy(t *testing.T) {
	cache := NewRegions()
	for _, label := range []string{"Main", "Primary", "Main"} {
		src := `<h2 id="l">` + label + `</h2><nav aria-labelledby="l"><a href="/a" aria-labelledby="l">x</a></nav>`
		p := mustParse(t, src, Options{Regions: cache})
		if p.Menus[0].Name != label || p.Menus[0].Entries[0].Label != label {
			t.Errorf("menu %q, entry %q; want both %q", p.Menus[0].Name, p.Menus[0].Entries[0].Label, label)
		}
	}
	if len(cache.templates) != 0 {
		t.Errorf("%d regions kept; want none", len(cache.templates))
	}
}

// TestRegionsCacheConcurrent: pages parsed at once share the cache safely
// (run with -race). Pages whose regions stand at the same place share
// their entries; a page whose region moved gets entries of its own.
func TestRegionsCacheConcurrent(t *testing.T) {
	cache := NewRegions()
	src := genPage(1)
	want := fullModel(t, mustParse(t, src, Options{}))
	var wg sync.WaitGroup
	models := make([]*page.Page, 16)
	for i := range models {
		wg.Go(func() { models[i] = mustParse(t, src, Options{Regions: cache}) })
	}
	wg.Wait()
	for i, p := range models {
		if got := fullModel(t, p); got != want {
			t.Fatalf("page %d: the cache changed the model", i)
		}
	}
	shared := mustParse(t, src, Options{Regions: cache}).Menus[0].Entries[0]
	if shared != mustParse(t, src, Options{Regions: cache}).Menus[0].Entries[0] {
		t.Error("pages with the same header do not share its entries")
	}
	moved := mustParse(t, strings.Replace(src, "<body", "\n<body", 1), Options{Regions: cache})
	if moved.Menus[0].Entries[0] == shared || moved.Menus[0].Entries[0].Line != shared.Line+1 {
		t.Errorf("a moved header shares entries or positions: line %d, was %d", moved.Menus[0].Entries[0].Line, shared.Line)
	}
}

// TestRegionsCacheReplaysOnlyWhatMatches: pages read one after the other
// with one cache, among them pages whose regions start with the markup of
// an earlier page's region and go on past it, or hold what a region read
// in a plain state never does: each has the model it has without the
// cache.
func TestRegionsCacheReplaysOnlyWhatMatches(t *testing.T) {
	const nav = `<nav aria-label="Main"><ul><li><a href="/a" id="x">A</a></li><li><a href="b.html#k">B</a><img src="i.png" alt=""></li></ul></nav>`
	head := "<!doctype html><html><head><title>T</title></head><body>\n"
	pages := []struct{ name, body string }{
		{"plain", nav + `<main><a href="#x">to x</a></main>`},
		{"plain again", nav},
		{"plain, replayed", "<p>moved</p>\n\n" + nav + `<a href="#x" aria-labelledby="x">y</a>`},
		{"goes on past the markup", strings.Replace(nav, "</ul></nav>", `</ul><a href="/c">C</a></nav>`, 1)},
		{"list left open", strings.Replace(nav, "</li></ul></nav>", "</nav>", 1)},
		{"comment inside", strings.Replace(nav, "<ul>", "<ul><!-- pagelint-disable-next-line link-broken -->\n", 1)},
		{"inside a link", `<a href="/o">` + nav + `</a>`},
		{"inside a button", `<button type="button">` + nav + `</button>`},
		{"root's children", `<nav><a href="/a">A</a></nav>`},
		{"root's children go on", `<nav><a href="/a">A</a><img src="/x.png" alt="x"></nav>`},
		{"items left open", `<nav><ul><li><a href="/a">A</a></nav>`},
		{"item closed by the root's end", `<nav><li><a href="/a">A</a></nav>`},
		{"item closed by the root's end goes on", `<nav><li><a href="/a">A</a><img src="/i.png" alt="i"></li></nav>`},
		{"items left open go on", `<nav><ul><li><a href="/a">A</a><img src="/i.png" alt="i"></li></ul></nav>`},
		{"inside bold", `<b>` + nav + `</b>`},
		{"hidden around", `<div hidden>` + nav + `</div>`},
		{"in a section", `<section>` + nav + `</section>`},
		{"misnested inside", strings.Replace(nav, ">A</a>", "><b>A</a></b>", 1)},
		{"at the end of the page", nav[:len(nav)-len("</nav>")]},
		{"in a header", `<header>` + nav + `</header><footer>` + nav + `</footer>`},
		{"in a header again", `<header>` + nav + `</header><footer>` + nav + `</footer>`},
		{"in a header, third", `<header>` + nav + `</header><footer>` + nav + `</footer>`},
	}
	cache := NewRegions()
	for round := range 3 {
		for _, pg := range pages {
			src := head + pg.body + "\n</body></html>"
			opt := Options{Source: "p.html", URL: "/dir/p.html"}
			want := fullModel(t, mustParse(t, src, opt))
			opt.Regions = cache
			if got := fullModel(t, mustParse(t, src, opt)); got != want {
				t.Errorf("round %d, %s: the cache changed the model\ngot  %s\nwant %s", round, pg.name, got, want)
			}
		}
	}
	if cache.replays.Load() < 10 || cache.copies.Load() < 10 {
		t.Errorf("%d regions replayed, %d models copied; want both 10 or more", cache.replays.Load(), cache.copies.Load())
	}
}

// FuzzRegionsCache: two pages read with one cache, the second the first
// with more markup after it, have the models they have without the cache.
func FuzzRegionsCache(f *testing.F) {
	f.Add(genPage(2), "<p>x</p>")
	f.Add(`<nav><li><a href="/a">A</a></nav>`, `<img src=/i.png>`)
	f.Add(`<header><nav aria-label="M"><ul><li><a href=/a>A</a></ul></nav></header>`, `</nav><a href=/b>B</a>`)
	// cut off by the end of the page inside a tag: no boundary to replay to
	f.Add(`<header><nav aria-label="M><li><a href=/a>A</a></ul></nav></header>`, `</nav><a href=/b>B</a>`)
	f.Fuzz(func(t *testing.T, first, more string) {
		cache := NewRegions()
		for _, src := range []string{first, first, first + more, first, first + more} {
			opt := Options{URL: "/a/b.html"}
			p, err := Parse([]byte(src), opt)
			if err != nil {
				return
			}
			want := fullModel(t, p)
			opt.Regions = cache
			if got := fullModel(t, mustParse(t, src, opt)); got != want {
				t.Fatalf("the cache changed the model of %q\ngot  %s\nwant %s", src, got, want)
			}
		}
	})
}

// TestRegionsCacheKeepsSelectorsApart: parses with other landmark
// selectors that share a cache do not take each other's regions.
func TestRegionsCacheKeepsSelectorsApart(t *testing.T) {
	const src = `<header><nav aria-label="Main"><a href="/a">A</a><div class="more"><a href="/b">B</a></div></nav></header>`
	cache := NewRegions()
	for round := range 3 {
		for _, opt := range []Options{
			{},
			{Menus: []NamedSelector{{Name: "More", Selector: ".more"}}},
			{NavSelector: "div.more"},
			{HeaderSelector: "nav"},
		} {
			want := fullModel(t, mustParse(t, src, opt))
			opt.Regions = cache
			if got := fullModel(t, mustParse(t, src, opt)); got != want {
				t.Fatalf("round %d, %+v: the cache changed the model\ngot  %s\nwant %s", round, opt, got, want)
			}
		}
	}
}

// TestRegionsCacheManyVariants: a menu that marks the current section
// differs from section to section; each variant is replayed once seen
// twice.
func TestRegionsCacheManyVariants(t *testing.T) {
	const sections = 20
	variant := func(n int) string {
		var b strings.Builder
		b.WriteString(`<header><nav aria-label="Sections"><ul>`)
		for i := range sections {
			current := ""
			if i == n {
				current = ` aria-current="page" class="active"`
			}
			fmt.Fprintf(&b, `<li><a href="/s%d/"%s>Section %d</a></li>`, i, current, i)
		}
		b.WriteString(`</ul></nav></header>`)
		return b.String()
	}
	cache := NewRegions()
	for round := range 3 {
		for n := range sections {
			src := variant(n) + fmt.Sprintf(`<main><p>Page %d.%d</p></main>`, n, round)
			want := fullModel(t, mustParse(t, src, Options{}))
			if got := fullModel(t, mustParse(t, src, Options{Regions: cache})); got != want {
				t.Fatalf("section %d, round %d: the cache changed the model\ngot  %s\nwant %s", n, round, got, want)
			}
		}
	}
	if r := cache.replays.Load(); r != sections {
		t.Errorf("%d regions replayed, want one for each of the %d sections", r, sections)
	}
}

// TestRegionsCacheBudget: the cache keeps no more markup than maxKept; a
// page whose region does not fit is still modelled, only read again.
func TestRegionsCacheBudget(t *testing.T) {
	cache := NewRegions()
	cache.kept = maxKept - 10 // as if full
	src := genPage(3)
	want := fullModel(t, mustParse(t, src, Options{}))
	for range 3 {
		if got := fullModel(t, mustParse(t, src, Options{Regions: cache})); got != want {
			t.Fatal("the cache changed the model")
		}
	}
	if len(cache.templates) != 0 || cache.streamCount != 0 || cache.kept != maxKept-10 {
		t.Errorf("%d models, %d recordings, %d bytes kept; want nothing more", len(cache.templates), cache.streamCount, cache.kept)
	}
}
