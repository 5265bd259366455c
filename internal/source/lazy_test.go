package source

import (
	"os"
	"path/filepath"
	"testing"
)

// LazySite answers as the walk does, for every path of a tree with links
// in and out of the root, a link back to it, a version-control directory
// and names that differ in case alone.
func TestLazySiteAnswersAsTheWalk(t *testing.T) {
	root := writeTree(t,
		"index.html", "about.html", "about/team.htm", "about/index.html", "img/logo.png",
		"blog/2026/post.HTML", ".git/index.html", "Page With Space.html", "docs/old/index.htm",
	)
	outside := writeTree(t, "secret.html", "dir/x.html")
	for link, target := range map[string]string{
		"a-team":              filepath.Join(root, "about"),
		"about/loop":          root,
		"home.html":           filepath.Join(root, "index.html"),
		"secret.html":         filepath.Join(outside, "secret.html"),
		"outside":             outside,
		"broken.html":         filepath.Join(root, "nothing.html"),
		"img/git":             filepath.Join(root, ".git"),
		"docs/old/team-again": filepath.Join(root, "a-team"),
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	site, err := Walk(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	lazy := NewLazySite(root)
	for _, p := range []string{
		"/", "/index.html", "/about", "/about/", "/about/team.htm", "/a-team/team.htm", "/a-team/",
		"/about/loop/index.html", "/about/loop/about.html", "/about/loop", "/home.html", "/home",
		"/secret.html", "/outside/secret.html", "/outside/dir/x.html", "/broken.html",
		"/.git/index.html", "/.git/", "/img/git/index.html", "/img/logo.png", "/img", "/img/",
		"/blog/2026/post.HTML", "/blog/2026/post.html", "/Index.html", "/ABOUT.html",
		"/Page With Space", "/docs/old/", "/docs/old/team-again/team.htm", "/docs/old/team-again/loop/index.html",
		"/missing.html", "/about/team.htm/x", "/../index.html", "//img//logo.png", "/blog/../about",
	} {
		wantPath, wantOK := site.Resolve(p)
		gotPath, gotOK := lazy.Resolve(p)
		if gotPath != wantPath || gotOK != wantOK {
			t.Errorf("Resolve(%q) = %q, %v; the walk's %q, %v", p, gotPath, gotOK, wantPath, wantOK)
		}
	}
	// A link to the root's own page lists the root alone.
	once := NewLazySite(root)
	once.Resolve("/about.html")
	if len(once.dirs) != 1 {
		t.Errorf("resolving /about.html listed %d directories, want the root's alone", len(once.dirs))
	}
}

// A root that cannot be read, or is gone, has no files.
func TestLazySiteMissingRoot(t *testing.T) {
	if p, ok := NewLazySite(filepath.Join(t.TempDir(), "gone")).Resolve("/index.html"); ok {
		t.Errorf("Resolve = %q, want none", p)
	}
}
