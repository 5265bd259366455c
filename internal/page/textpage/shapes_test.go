package textpage

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
)

var update = flag.Bool("update", false, "rewrite the golden outlines in testdata")

// TestShapes reads one snapshot of each shape (html2text/Crawl4AI, Markdown
// links, numbered lists, "+" bullets, lynx -dump, w3m -dump) and compares
// its model with the golden outline beside it.
func TestShapes(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".outline") {
			continue
		}
		n++
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(data, Options{Source: file, URL: "/about/"})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			matchGolden(t, strings.TrimSuffix(file, filepath.Ext(file))+".outline", outline(p))
		})
	}
	if n < 6 {
		t.Fatalf("found %d snapshots in testdata, want one of each shape", n)
	}
}

// matchGolden compares an outline with its golden file, or rewrites the
// file with -update.
func matchGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		testfs.WriteFile(t, golden, got)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("outline differs from %s (go test -update rewrites it):\n%s", golden, diffLines(string(want), got))
	}
}

// diffLines lists the lines that differ, enough to see what changed.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
		}
	}
	return b.String()
}
