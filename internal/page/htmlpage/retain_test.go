package htmlpage

import (
	"runtime"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// BenchmarkRetained reports what a parsed page keeps in memory as
// retained-B/page: what a site run holds per page while it keeps models.
func BenchmarkRetained(b *testing.B) {
	const n = 300
	srcs := make([][]byte, 8)
	for i := range srcs {
		srcs[i] = []byte(genPage(i))
	}
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		pages := make([]*page.Page, n)
		for i := range pages {
			p, err := Parse(srcs[i%len(srcs)], Options{URL: "/p.html"})
			if err != nil {
				b.Fatal(err)
			}
			pages[i] = p
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "retained-B/page")
		runtime.KeepAlive(pages)
	}
}
