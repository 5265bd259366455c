package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkProfileSites lints each site named in PAGELINT_PROFILE_SITES (a
// path list) offline, once an iteration. scripts/pgo-profile.sh records its
// CPU profile as default.pgo, the profile that `go build` optimises the
// command with (docs/BENCHMARKS.md, "Profile-guided optimisation").
func BenchmarkProfileSites(b *testing.B) {
	sites := filepath.SplitList(os.Getenv("PAGELINT_PROFILE_SITES"))
	if len(sites) == 0 {
		b.Skip("PAGELINT_PROFILE_SITES names no site")
	}
	for b.Loop() {
		for _, site := range sites {
			args := []string{"pagelint", "check", "--offline", "--no-progress", "--now", "2026-12-06", site}
			if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code > 1 {
				b.Fatalf("pagelint check %s: exit code %d", site, code)
			}
		}
	}
}
