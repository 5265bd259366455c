// Command tokenize-floor reads every .html file under a directory and runs
// x/net/html's tokenizer over it with two workers, keeping nothing: the
// floor of what any HTML linter built on that tokenizer can cost (see
// docs/BENCHMARKS.md).
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tokenize-floor DIR")
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(os.Args[1], func(path string, d fs.DirEntry, err error) error {
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
	tokens := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(files); i += workers {
				data, err := os.ReadFile(files[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				z := html.NewTokenizer(bytes.NewReader(data))
				for z.Next() != html.ErrorToken {
					tokens[w]++
				}
			}
		})
	}
	wg.Wait()
	fmt.Printf("%d files, %d tokens\n", len(files), tokens[0]+tokens[1])
}
