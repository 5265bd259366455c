package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/pagelint/pagelint/internal/linkcheck"
	"golang.org/x/net/html"
)

// check is the driver that times pagelint's checker on the site until the
// pagelint command can run the same: read every page, collect its external
// links, check them.
func check(args []string) error {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	dir := fset.String("dir", "", "the generated site (required)")
	out := fset.String("out", "", "write the broken URLs here, one a line")
	var opt linkcheck.Options
	fset.IntVar(&opt.Concurrency, "concurrency", 0, "global limit (0: pagelint's default)")
	fset.IntVar(&opt.PerHost, "per-host", 0, "per-host limit (0: pagelint's default)")
	fset.DurationVar(&opt.Timeout, "timeout", 0, "per request (0: pagelint's default)")
	fset.IntVar(&opt.Retries, "retries", 0, "retries (0: pagelint's default, -1: none)")
	fset.StringVar(&opt.CachePath, "cache", "", "cache file (none by default)")
	progress := fset.Bool("progress", false, "draw the progress bar on standard error")
	tracePath := fset.String("trace", "", "write each request's times here, and a summary per host to standard error")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("check needs -dir")
	}
	if *progress {
		opt.Progress = os.Stderr
	}
	opt.Warn = func(msg string) { fmt.Fprintln(os.Stderr, "warning: "+msg) }
	start := time.Now()
	links, pages, err := collect(*dir)
	if err != nil {
		return err
	}
	var trace *tracer
	if *tracePath != "" {
		trace = newTracer(opt.PerHost)
		opt.Transport = trace
	}
	c, err := linkcheck.New(opt)
	if err != nil {
		return err
	}
	if trace != nil {
		trace.start = time.Now()
	}
	results := c.Check(context.Background(), links)
	var brokenURLs []string
	for u, r := range results {
		if !r.OK {
			brokenURLs = append(brokenURLs, u+"\t"+r.Reason)
		}
	}
	sort.Strings(brokenURLs)
	elapsed := time.Since(start)
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	st := c.Stats()
	fmt.Fprintf(os.Stderr, "pagelint checker: %d pages, %d links, %d URLs, %d requests, %d cache hits, %d broken in %.2fs (heap %d MiB)\n",
		pages, len(links), st.URLs, st.Requests, st.CacheHits, st.Failures, elapsed.Seconds(), mem.HeapSys>>20)
	if trace != nil {
		if err := trace.write(*tracePath, os.Stderr); err != nil {
			return err
		}
	}
	text := strings.Join(brokenURLs, "\n") + "\n"
	if *out == "" {
		fmt.Print(text)
		return nil
	}
	return os.WriteFile(*out, []byte(text), 0o644)
}

// collect returns the absolute http(s) hrefs of every page below dir, each
// as often as it appears, as the pagelint command would hand them over.
func collect(dir string) ([]string, int, error) {
	var links []string
	pages := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		pages++
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer func() { _ = f.Close() }()
		z := html.NewTokenizer(f)
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return nil
			}
			if tt != html.StartTagToken {
				continue
			}
			name, more := z.TagName()
			if string(name) != "a" {
				continue
			}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "href" && (strings.HasPrefix(string(v), "http://") || strings.HasPrefix(string(v), "https://")) {
					links = append(links, string(v))
				}
			}
		}
	})
	return links, pages, err
}
