package lint

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/sitegen"
	"github.com/pagelint/pagelint/schema"
)

// BenchmarkLintSite lints a generated site of 500 pages offline: reading,
// parsing, all checks. scripts/bench.sh times the whole CLI on 5,000 pages
// beside htmltest.
func BenchmarkLintSite(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := sitegen.Generate(dir, 500); err != nil {
		b.Fatal(err)
	}
	cfg, err := schema.Default(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), Options{Inputs: []string{dir}, Config: cfg, Offline: true, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 {
			b.Fatal("the planted defects were not found")
		}
	}
}
