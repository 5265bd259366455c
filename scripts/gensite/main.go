// Command gensite writes a synthetic static site for benchmarks (see
// internal/sitegen).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pagelint/pagelint/internal/sitegen"
)

func main() {
	out := flag.String("out", "bench/out/site", "directory to write the site to")
	pages := flag.Int("pages", 5000, "number of pages")
	perPage := flag.Bool("per-page-links", false, "give every page's header and footer a link of its own")
	flag.Parse()
	if err := sitegen.GenerateWith(*out, *pages, sitegen.Options{PerPageLinks: *perPage}); err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
}
