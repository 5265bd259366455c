package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/sitegen"
	"github.com/pagelint/pagelint/schema"
)

// BenchmarkLargePage lints one page of 1, 10 and 49 MB offline (every link a
// link-broken finding) and reports retained-MB: what the run keeps to the
// end, its result (the findings, the pages) that the reports are written
// from — the "retained data" of docs/BENCHMARKS.md ("Bounds").
// scripts/bench-limits.sh measures the CLI's peak RSS on the same pages.
func BenchmarkLargePage(b *testing.B) {
	cfg, err := schema.Default(nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, mb := range []int{1, 10, 49} {
		file := filepath.Join(b.TempDir(), "large.html")
		if err := os.WriteFile(file, sitegen.LargePage(mb<<20), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			var retained uint64
			for b.Loop() {
				base := liveHeap()
				res, err := Run(context.Background(), Options{Inputs: []string{file}, Config: cfg, Offline: true, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Findings) == 0 {
					b.Fatal("no findings")
				}
				retained = liveHeap() - base
				runtime.KeepAlive(res)
			}
			b.ReportMetric(float64(retained)/1e6, "retained-MB")
		})
	}
}

// liveHeap is what a collection finds live.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
