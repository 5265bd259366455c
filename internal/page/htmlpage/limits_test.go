package htmlpage

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmltree"
	"github.com/pagelint/pagelint/internal/sitegen"
)

// Deep nesting parses in linear time: the stack of open elements is capped
// (htmltree.MaxDepth), so a link below any number of divs is still found.
// Past the cap, elements stand beside the deepest one, as Chromium puts
// them: the nav's link is its sibling.
func TestDeepNesting(t *testing.T) {
	for _, tt := range []struct {
		depth int
		menu  string
	}{{100, "Deep"}, {htmltree.MaxDepth + 10, ""}, {16000, ""}} {
		depth := tt.depth
		src := "<body>" + strings.Repeat("<div>", depth) + `<nav><a href="/deep">Deep</a></nav>` + strings.Repeat("</div>", depth) + `<a href="/after">After</a>`
		p := mustParse(t, src, Options{})
		if len(p.Menus) != 1 || outline(p.Menus[0].Entries) != tt.menu {
			t.Errorf("depth %d: %d menus", depth, len(p.Menus))
		}
		if got := outline(p.Controls); got != "Deep, After" {
			t.Errorf("depth %d: controls %q", depth, got)
		}
		if got := strings.Count(p.Controls[0].Selector, " > "); got > htmltree.MaxDepth {
			t.Errorf("depth %d: the link's selector has %d steps", depth, got)
		}
	}
}

// nested is a page of depth nested divs around a menu.
func nested(depth int) []byte {
	return []byte("<!DOCTYPE html><body>" + strings.Repeat("<div>", depth) +
		`<nav><a href="/x">x</a></nav>` + strings.Repeat("</div>", depth))
}

// BenchmarkNesting parses pages of 1,000, 10,000 and 100,000 nested divs:
// ns/op grows with the depth, not with its square.
func BenchmarkNesting(b *testing.B) {
	for _, depth := range []int{1000, 10000, 100000} {
		src := nested(depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(src, Options{URL: "/p.html"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLargePage parses pages of 1, 10 and 49 MB: ns/op and B/op grow
// with the bytes (scripts/bench-limits.sh measures the CLI's peak memory).
// peak-live-MB is what is live when the model is built, the parse's peak
// (the page, its tree and memo, the model), model-MB the model alone.
func BenchmarkLargePage(b *testing.B) {
	for _, mb := range []int{1, 10, 49} {
		src := sitegen.LargePage(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(src, Options{URL: "/p.html"}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			base := liveHeap()
			opt := Options{URL: "/p.html", Format: page.FormatHTML}
			sel, err := compileSelectors(&opt)
			if err != nil {
				b.Fatal(err)
			}
			bl := new(parser)
			bl.reset(src)
			bl.Build(bl)
			md := newModel(bl, &opt, sel)
			p := md.page()
			peak := liveHeap()
			runtime.KeepAlive(md)
			bl, md = nil, nil // the tree and memo go, the model stays
			model := liveHeap()
			runtime.KeepAlive(p)
			b.ReportMetric(float64(peak-base+uint64(len(src)))/1e6, "peak-live-MB")
			b.ReportMetric(float64(model-base)/1e6, "model-MB")
		})
	}
}

// liveHeap is what a collection finds live.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// The parsers kept for the next pages keep no arena sized for a page too
// large to keep, one that reset sized from its megabytes included.
func TestLargeArenaNotKept(t *testing.T) {
	big := []byte("<!DOCTYPE html><body>" + strings.Repeat("<p>x</p>", 1<<17))
	if _, err := Parse(big, Options{}); err != nil {
		t.Fatal(err)
	}
	for {
		select {
		case ps := <-parsers:
			if n := cap(ps.Nodes); n > 2*maxPooledNodes {
				t.Errorf("a kept parser's arena holds %d nodes", n)
			}
		default:
			return
		}
	}
}
