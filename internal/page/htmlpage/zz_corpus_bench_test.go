package htmlpage

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func corpusPages(b *testing.B) [][]byte {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		b.Skip("ZZ_SITE")
	}
	var pages [][]byte
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			pages = append(pages, data)
		}
		return nil
	})
	if n, _ := strconv.Atoi(os.Getenv("ZZ_LIMIT")); n > 0 && n < len(pages) {
		pages = pages[:n]
	}
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpuStart(b)
	return pages
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuStart(b *testing.B) {
	t0 := cpuNow()
	b.Cleanup(func() {
		b.ReportMetric(float64(cpuNow()-t0)/1e6/float64(b.N), "cpu-ms/op")
	})
}

func BenchmarkZZNext(b *testing.B) {
	pages := corpusPages(b)
	for b.Loop() {
		for _, p := range pages {
			z := html.NewTokenizer(bytes.NewReader(p))
			for z.Next() != html.ErrorToken {
			}
		}
	}
}

func BenchmarkZZTagAttr(b *testing.B) {
	pages := corpusPages(b)
	for b.Loop() {
		for _, p := range pages {
			z := html.NewTokenizer(bytes.NewReader(p))
			for {
				tt := z.Next()
				if tt == html.ErrorToken {
					break
				}
				if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
					_, more := z.TagName()
					for more {
						_, _, more = z.TagAttr()
					}
				}
			}
		}
	}
}

func BenchmarkZZBuild(b *testing.B) {
	pages := corpusPages(b)
	bl := new(builder)
	for b.Loop() {
		for _, p := range pages {
			bl.reset(p)
			bl.run()
		}
	}
}

func BenchmarkZZParse(b *testing.B) {
	pages := corpusPages(b)
	for b.Loop() {
		for _, p := range pages {
			Parse(p, Options{URL: "/a/b.html"})
		}
	}
}

func BenchmarkZZNone(b *testing.B) {
	corpusPages(b)
	for b.Loop() {
	}
}
