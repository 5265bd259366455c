// Command tokenize-floor reads every .html file under a directory and runs
// x/net/html's tokenizer over it with two workers, keeping nothing: the
// floor of what any HTML linter built on that tokenizer can cost (see
// docs/BENCHMARKS.md). With -parse it builds each page's tree with
// x/net/html's Parse instead: what a linter that builds the tree a browser
// would, and reads nothing of it, costs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

func main() {
	parse := flag.Bool("parse", false, "build each page's tree with html.Parse")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: tokenize-floor [-parse] DIR")
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(flag.Arg(0), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	const workers = 2
	counts := make([]int, workers) // tokens, or trees with -parse
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(files); i += workers {
				data, err := os.ReadFile(files[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				if *parse {
					if _, err := html.Parse(bytes.NewReader(data)); err == nil {
						counts[w]++
					}
					continue
				}
				z := html.NewTokenizer(bytes.NewReader(data))
				for z.Next() != html.ErrorToken {
					counts[w]++
				}
			}
		})
	}
	wg.Wait()
	unit := "tokens"
	if *parse {
		unit = "trees"
	}
	fmt.Printf("%d files, %d %s\n", len(files), counts[0]+counts[1], unit)
}
