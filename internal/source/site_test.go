package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		want    bool
	}{
		{"drafts/**", "drafts/a.html", true},
		{"drafts/**", "drafts/deep/er/a.html", true},
		{"drafts/**", "blog/drafts/a.html", false},
		{"drafts", "drafts/a.html", true},
		{"**/drafts/**", "blog/drafts/a.html", true},
		{"*.tmp.html", "a.tmp.html", true},
		{"*.tmp.html", "deep/dir/b.tmp.html", true},
		{"*.tmp.html", "a.html", false},
		{"blog/*.html", "blog/a.html", true},
		{"blog/*.html", "blog/x/a.html", false},
		{"blog/**/index.html", "blog/index.html", true},
		{"blog/**/index.html", "blog/2026/11/index.html", true},
		{"blog/**/index.html", "blog/2026/11/other.html", false},
		{"./legacy/", "legacy/old.html", true},
		{"p?ge.html", "page.html", true},
		{"[ab].html", "c.html", false},
		{"**", "anything/at/all.html", true},
	}
	for _, tt := range tests {
		g, err := compileGlobs([]string{tt.pattern})
		if err != nil {
			t.Fatalf("compileGlobs(%q): %v", tt.pattern, err)
		}
		if got := g.match(tt.path); got != tt.want {
			t.Errorf("%q matching %q = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestGlobInvalid(t *testing.T) {
	for _, p := range []string{"[", "a/[b", "", "  "} {
		if _, err := compileGlobs([]string{p}); err == nil {
			t.Errorf("compileGlobs(%q) = nil error, want one", p)
		}
	}
}

// writeTree creates files (slash paths) with small contents under a temp dir.
func writeTree(t *testing.T, files ...string) string {
	t.Helper()
	contents := map[string]string{}
	for _, f := range files {
		contents[f] = "<p>" + f + "</p>"
	}
	return testfs.Dir(t, contents)
}

func TestWalk(t *testing.T) {
	root := writeTree(t,
		"index.html", "about.html", "about/team.htm", "img/logo.png",
		"drafts/new.html", "drafts/deep/x.html", "blog/a.tmp.html", "blog/2026/post.HTML",
		".git/index.html", "Page With Space.html",
	)
	outside := writeTree(t, "secret.html")
	// links: one inside the root (followed), one out of it (not followed)
	// "a-team" sorts before the directory it links to
	if err := os.Symlink(filepath.Join(root, "about"), filepath.Join(root, "a-team")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(root, "about", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "index.html"), filepath.Join(root, "home.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.html"), filepath.Join(root, "secret.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "outside")); err != nil {
		t.Fatal(err)
	}

	ignore := []string{"drafts/**", "*.tmp.html"}
	site, err := Walk(root+"/./", ignore)
	if err != nil {
		t.Fatal(err)
	}
	if site.Root != root {
		t.Errorf("Root = %q, want %q", site.Root, root)
	}
	wantPages := []string{"Page With Space.html", "about.html", "about/team.htm", "blog/2026/post.HTML", "index.html"}
	if !reflect.DeepEqual(site.Pages, wantPages) {
		t.Errorf("Pages = %q, want %q", site.Pages, wantPages)
	}
	for _, f := range []string{"/img/logo.png", "/drafts/new.html", "/blog/a.tmp.html", "/index.html", "/a-team/team.htm", "/home.html"} {
		if !site.Files[f] {
			t.Errorf("Files lacks %q", f)
		}
	}
	for _, f := range []string{"/secret.html", "/outside/secret.html", "/.git/index.html", "/about/loop/index.html"} {
		if site.Files[f] {
			t.Errorf("Files has %q", f)
		}
	}
	// Lists says the same of each file, by whatever name it is given: a
	// page listed is listed through a link to it too.
	for name, want := range map[string]bool{
		"index.html": true, "home.html": true, "about/team.htm": true, "a-team/team.htm": true, "about/loop/index.html": true,
		"drafts/new.html": false, "blog/a.tmp.html": false, ".git/index.html": false, "img/logo.png": false,
		"secret.html": false, "outside/secret.html": false, "missing.html": false, "about": false,
	} {
		if got := Lists(root, ignore, filepath.Join(root, name)); got != want {
			t.Errorf("Lists(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestWalkErrors(t *testing.T) {
	file := filepath.Join(writeTree(t, "a.html"), "a.html")
	tests := []struct {
		name, root string
		ignore     []string
		want       string
	}{
		{"missing", filepath.Join(t.TempDir(), "nope"), nil, "no such file or directory"},
		{"file", file, nil, "is not a directory"},
		{"bad glob", t.TempDir(), []string{"[x"}, `invalid ignore pattern "[x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Walk(tt.root, tt.ignore)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Walk error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	site := &Site{Files: map[string]bool{
		"/index.html": true, "/about.html": true, "/docs/index.html": true, "/old/index.htm": true,
		"/img/a.png": true, "/my page.html": true, "/LICENSE": true, "/blog/post/index.html": true,
	}}
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"/", "/index.html", true},
		{"", "/index.html", true},
		{"/docs/", "/docs/index.html", true},
		{"/docs", "/docs/index.html", true},
		{"/old/", "/old/index.htm", true},
		{"/about", "/about.html", true},
		{"/about.html", "/about.html", true},
		{"/about/", "", false}, // a directory that does not exist
		{"/img/a.png", "/img/a.png", true},
		{"/img/b.png", "", false},
		{"/my page", "/my page.html", true},
		{"/LICENSE", "/LICENSE", true},
		{"/About.html", "", false}, // case-sensitive, like the server
		{"/blog/post/../../about", "/about.html", true},
		{"/blog/./post/", "/blog/post/index.html", true},
		{"/../index.html", "", false},
		{"/docs/../../index.html", "", false},
		{"//img//a.png", "/img/a.png", true},
	}
	for _, tt := range tests {
		got, ok := site.Resolve(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSitePath(t *testing.T) {
	site := &Site{Root: "public"}
	if got, want := site.Path("/a/index.html"), filepath.Join("public", "a", "index.html"); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name    string
		path    string
		limit   int64
		wantLen int
		wantErr string
	}{
		{"under", write("small.html", 100), 1000, 100, ""},
		{"at the limit", write("exact.html", 1000), 1000, 1000, ""},
		{"just over", write("over.html", 1001), 1000, 0, "1001 bytes is over the 1000 bytes page size limit"},
		{"far over", write("big.html", 3<<20), 2 << 20, 0, "3 MB is over the 2 MB page size limit"},
		{"no limit", write("any.html", 5000), 0, 5000, ""},
		{"missing", filepath.Join(dir, "nope.html"), 10, 0, "no such file or directory"},
		{"directory", dir, 10, 0, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ReadFile(tt.path, tt.limit)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr && !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), dir) {
					t.Errorf("error %q names the path", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b) != tt.wantLen {
				t.Errorf("read %d bytes, want %d", len(b), tt.wantLen)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	tests := map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KB", 1536: "1.5 KB", 61 << 20: "61 MB", 50 << 20: "50 MB", 3 << 30: "3 GB"}
	for n, want := range tests {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestWalkUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	root := writeTree(t, "index.html", "private/a.html")
	private := filepath.Join(root, "private")
	if err := os.Chmod(private, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(private, 0o755) })
	_, err := Walk(root, nil)
	if err == nil || !strings.Contains(err.Error(), "permission denied") || !strings.Contains(err.Error(), private) {
		t.Errorf("error = %v, want permission denied on %q", err, private)
	}
}
