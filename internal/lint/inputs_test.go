package lint

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/schema"
)

// A file given on its own leaves its site unwalked — its links' targets
// are looked up as the walk would find them — until a directory input of
// the same site needs its pages listed.
func TestFileInputLeavesItsSiteUnwalked(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index.html")
	testfs.WriteFile(t, index, `<!DOCTYPE html><title>t</title><main><a href="/deep/a/b/c.html">c</a> <a href="/deep/a/gone.html">g</a> <a href="/.git/config">x</a></main>`)
	testfs.WriteFile(t, filepath.Join(dir, "deep", "a", "b", "c.html"), "<title>c</title>")
	testfs.WriteFile(t, filepath.Join(dir, ".git", "config"), "[core]")
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	opt := &Options{Inputs: []string{index}, Config: cfg, Offline: true, Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}

	ls := newLocalGroups(opt)
	if _, err := ls.addInput(index); err != nil {
		t.Fatal(err)
	}
	lg := ls.byRoot[absPath(dir)]
	if lg == nil || lg.site != nil {
		t.Fatalf("the file's site: %+v, want a group not walked", lg)
	}
	if _, err := ls.addInput(dir); err != nil {
		t.Fatal(err)
	}
	if lg.site == nil {
		t.Error("a directory input of the same site left it unwalked")
	}

	res, err := Run(context.Background(), *opt)
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	for _, f := range res.Findings {
		if f.Rule == "link-broken" {
			broken = append(broken, f.Message)
		}
	}
	want := []string{`broken link "/deep/a/gone.html": no such page or file`, `broken link "/.git/config": no such page or file`}
	if strings.Join(broken, "\n") != strings.Join(want, "\n") {
		t.Errorf("link-broken findings:\n%s\nwant:\n%s", strings.Join(broken, "\n"), strings.Join(want, "\n"))
	}
}
