package htmlpage

import (
	"runtime"
	"testing"

	"github.com/pagelint/pagelint/internal/page"
)

// TestRetainedSize reports what a parsed page keeps in memory (run with -v).
func TestRetainedSize(t *testing.T) {
	const n = 300
	srcs := make([][]byte, 8)
	for i := range srcs {
		srcs[i] = []byte(genPage(i))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	pages := make([]*page.Page, n)
	for i := range pages {
		p, err := Parse(srcs[i%len(srcs)], Options{URL: "/p.html"})
		if err != nil {
			t.Fatal(err)
		}
		pages[i] = p
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("%d bytes retained per page of %d bytes", (after.HeapAlloc-before.HeapAlloc)/n, len(srcs[0]))
	runtime.KeepAlive(pages)
}
