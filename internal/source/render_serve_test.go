//go:build unix

package source

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testfs"
)

// servedSite makes a site root with what a hostile page would reach for
// beside it: a secret outside the root, a .git directory and a .env file
// inside, symbolic links out of the root and into .git, and a FIFO.
func servedSite(t *testing.T) (root string) {
	t.Helper()
	outside := t.TempDir()
	root = filepath.Join(t.TempDir(), "site")
	files := map[string]string{
		outside + "/secret.txt":          "outside secret",
		outside + "/dir/secret.txt":      "outside dir secret",
		root + "/index.html":             "<p>home</p>",
		root + "/about/index.html":       "<p>about</p>",
		root + "/noindex/file.txt":       "no index",
		root + "/css/site.css":           "p { color: red }",
		root + "/.git/config":            "[remote] url = https://token@example.com/",
		root + "/.env":                   "API_KEY=secret",
		root + "/sub/.hidden.html":       "<p>hidden</p>",
		root + "/.well-known/secret.txt": "dot dir",
	}
	for name, body := range files {
		testfs.WriteFile(t, name, body)
	}
	links := map[string]string{
		"link-in.html":  "about/index.html",
		"link-out.txt":  outside + "/secret.txt",
		"dir-out":       outside + "/dir",
		"to-git":        ".git/config",
		"to-git-dir":    ".git",
		"up.txt":        "../../" + filepath.Base(outside) + "/secret.txt",
		"broken.txt":    "nowhere.txt",
		"about/up.html": "../index.html",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// servedStatus lists what the file server answers, path by path.
var servedStatus = []struct {
	path string
	code int
}{
	{"/", 200},
	{"/index.html", 200},
	{"/about/", 200},
	{"/about/up.html", 200},
	{"/link-in.html", 200},
	{"/css/site.css", 200},
	{"/noindex/", 404},
	{"/.git/config", 404},
	{"/.env", 404},
	{"/sub/.hidden.html", 404},
	{"/.well-known/secret.txt", 404},
	{"/link-out.txt", 404},
	{"/dir-out/secret.txt", 404},
	{"/to-git", 404},
	{"/to-git-dir/config", 404},
	{"/up.txt", 404},
	{"/broken.txt", 404},
	{"/fifo.html", 404},
	{"/%2e%2e/secret.txt", 404},
	{"/nothing.html", 404},
}

// TestServeDirServes asks the file server directly: only regular files
// inside the root, none under a dot name, no FIFO (without hanging).
func TestServeDirServes(t *testing.T) {
	base, stop, err := ServeDir(servedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for _, tt := range servedStatus {
		resp, err := client.Get(strings.TrimSuffix(base, "/") + tt.path)
		if err != nil {
			t.Errorf("GET %s: %v", tt.path, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code {
			t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.code)
		}
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "token") {
			t.Errorf("GET %s answered %q", tt.path, body)
		}
	}

	resp, err := client.Get(base + "about")
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/about/" {
			t.Errorf("GET /about = %d to %q, want a redirect to /about/", resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	resp, err = client.Post(base+"index.html", "text/plain", strings.NewReader("x"))
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("POST = %d, want 404", resp.StatusCode)
		}
	}
	resp, err = client.Get(base + "index.html")
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if want := `<p ` + PosAttr + `="1:1">home</p>`; string(body) != want || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET /index.html = %q (%s), want %q, annotated", body, resp.Header.Get("Content-Type"), want)
		}
	}
}

// TestServeDirToAPage: a rendered page whose script asks the file server
// for what lies beyond the site gets 404s, in real Chromium.
func TestServeDirToAPage(t *testing.T) {
	r := sharedRenderer(t)
	root := servedSite(t)
	var paths []string
	for _, tt := range servedStatus {
		paths = append(paths, `"`+tt.path+`"`)
	}
	page := `<!DOCTYPE html><html><body><ul id="out"></ul><script>
Promise.all([` + strings.Join(paths, ",") + `].map(p => fetch(p).then(async r => p + "=" + r.status + "=" + (await r.text()).includes("secret"), () => p + "=failed")))
  .then(results => { document.getElementById("out").textContent = results.join(" "); });
</script></body></html>`
	if err := os.WriteFile(filepath.Join(root, "probe.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	base, stop, err := ServeDir(root)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	res, err := r.Render(context.Background(), base+"probe.html")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<ul id="out" [^>]*>([^<]*)</ul>`).FindStringSubmatch(res.HTML)
	if m == nil {
		t.Fatalf("no results in the page:\n%s", res.HTML)
	}
	got := map[string]string{}
	for _, r := range strings.Fields(m[1]) {
		p, rest, _ := strings.Cut(r, "=")
		got[p] = rest
	}
	for _, tt := range servedStatus {
		want := "200=false"
		if tt.code == 404 {
			want = "404=false"
		}
		if got[tt.path] != want {
			t.Errorf("the page's fetch(%q) = %q, want %q", tt.path, got[tt.path], want)
		}
	}
}
