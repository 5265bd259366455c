package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// linkPattern finds the benchmark's link URLs in any tool's output; tools
// print the URLs they find broken, so the set found is the set reported.
var linkPattern = regexp.MustCompile(`http://127\.0\.0\.1:\d+/l/\d+\b(?:/final)?`)

// compare prints, for each tool output, how many truly broken URLs it
// reported, how many it missed and how many it reported wrongly.
func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	truthPath := fs.String("truth", "", "truth.txt of the generated site (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *truthPath == "" {
		return errors.New("compare needs -truth")
	}
	data, err := os.ReadFile(*truthPath)
	if err != nil {
		return err
	}
	truth := map[string]bool{}
	for _, u := range strings.Fields(string(data)) {
		truth[u] = true
	}
	fmt.Printf("| tool output | reported broken | truly broken found | missed | false broken |\n|---|---|---|---|---|\n")
	for _, path := range fs.Args() {
		out, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		reported := map[string]bool{}
		for _, u := range linkPattern.FindAllString(string(out), -1) {
			reported[strings.TrimSuffix(u, "/final")] = true
		}
		found, wrong := 0, 0
		for u := range reported {
			if truth[u] {
				found++
			} else {
				wrong++
			}
		}
		fmt.Printf("| %s | %d | %d of %d | %d | %d |\n", filepath.Base(path), len(reported), found, len(truth), len(truth)-found, wrong)
	}
	return nil
}
