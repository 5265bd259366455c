// Package dumptest runs the text browsers lynx and w3m on pages served from
// 127.0.0.1, the way users dump their published pages, for the tests that
// read real dumps. The dumpers reach the pages through an HTTP proxy on
// loopback, so that a page is dumped under its production URL
// ("http://www.contoso.example/products/") and every link of the dump names
// that origin, as in a user's dump; no request leaves the machine.
package dumptest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"
	"time"
)

// RequireEnv names the variable that makes the dumpers mandatory (CI sets
// it): without it, tests that need them skip where they are missing.
const RequireEnv = "PAGELINT_REQUIRE_TEXT_DUMPERS"

// Site is a site whose pages the tests dump: served under Host, read from
// Dir (relative to the repository's root).
type Site struct {
	Host, Dir string
	Pages     []string
	// Fixture: the site is a fixture folder that keeps the dumps of its
	// page beside it (index.<variant>.txt), the inputs of its golden.
	Fixture bool
}

// Sites are the example site and the dump fixtures.
var Sites = []Site{
	{Host: "www.contoso.example", Dir: "examples/contoso", Pages: []string{
		"index.html", "about/index.html", "contact.html", "privacy.html", "terms.html",
		"products/index.html", "products/cloud.html", "support/index.html", "support/faq.html",
	}},
	{Host: "www.fabrikam.example", Dir: "fixtures/text-dump-mega-menu", Pages: []string{"index.html"}, Fixture: true},
	{Host: "docs.fabrikam.example", Dir: "fixtures/text-dump-docs", Pages: []string{"index.html"}, Fixture: true},
}

// URL is where a page file of the site is served.
func (s Site) URL(file string) string {
	if path.Base(file) == "index.html" {
		return "http://" + s.Host + "/" + strings.TrimSuffix(file, "index.html")
	}
	return "http://" + s.Host + "/" + file
}

// SitePath makes a link target comparable between a page and its dump: a
// URL on the site's host loses its origin (dumps write absolute URLs, the
// HTML model site paths), and a path its "index.html".
func (s Site) SitePath(target string) string {
	target = strings.TrimPrefix(target, "http://"+s.Host)
	p, frag, hasFrag := strings.Cut(target, "#")
	p = strings.TrimSuffix(p, "index.html")
	if hasFrag {
		return p + "#" + frag
	}
	return p
}

// DumpName is the name of the dump of a page file by v, beside the page.
func DumpName(file string, v Variant) string {
	return strings.TrimSuffix(file, ".html") + "." + v.Name + ".txt"
}

// Variant is one way of dumping a page, as docs/text-snapshots.md lists
// them.
type Variant struct {
	Name    string // names the dump's file: index.<Name>.txt
	Program string
	Args    []string
	// MarksLinks: the dump marks every link with text, and its target.
	MarksLinks bool
	// MarksButtons: the dump writes buttons as buttons ("(BUTTON) X").
	MarksButtons bool
}

// Variants are the dumps that docs/text-snapshots.md promises to read.
var Variants = []Variant{
	{Name: "lynx", Program: "lynx", Args: []string{"-dump"}, MarksLinks: true, MarksButtons: true},
	{Name: "lynx-list-inline", Program: "lynx", Args: []string{"-dump", "-list_inline"}, MarksLinks: true, MarksButtons: true},
	{Name: "lynx-nolist", Program: "lynx", Args: []string{"-dump", "-nolist"}, MarksButtons: true},
	{Name: "w3m", Program: "w3m", Args: []string{"-dump"}},
	{Name: "w3m-numbered", Program: "w3m", Args: []string{"-dump", "-o", "display_link_number=1"}, MarksLinks: true},
}

// Require skips t when lynx or w3m is not installed, except where
// PAGELINT_REQUIRE_TEXT_DUMPERS=1 demands them: then it fails t.
func Require(t testing.TB) {
	t.Helper()
	for _, program := range []string{"lynx", "w3m"} {
		if _, err := exec.LookPath(program); err != nil {
			if os.Getenv(RequireEnv) == "1" {
				t.Fatalf("%s=1 demands %s: %v", RequireEnv, program, err)
			}
			t.Skipf("%v (set %s=1 to make this a failure)", err, RequireEnv)
		}
	}
}

// Server serves sites from directories, each under its host name, as an
// HTTP proxy on 127.0.0.1.
type Server struct {
	proxy string
	home  string
}

// Serve starts a Server for sites (host name → directory) that stops when
// t ends.
func Serve(t testing.TB, sites map[string]string) *Server {
	t.Helper()
	files := map[string]http.Handler{}
	for host, dir := range sites {
		files[host] = http.FileServer(http.Dir(dir))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, ok := files[r.URL.Hostname()]
		if !ok {
			http.Error(w, "no such site here", http.StatusBadGateway)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return &Server{proxy: srv.URL, home: t.TempDir()}
}

// Dump runs v on the page at url and returns what it printed. The dumper
// runs in a UTF-8 locale (in the C locale lynx writes Latin-1) with a home
// of its own, where w3m keeps its history.
func (s *Server) Dump(ctx context.Context, v Variant, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, v.Program, append(append([]string{}, v.Args...), url)...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + s.home,
		"LANG=C.UTF-8", "LC_ALL=C.UTF-8",
		"http_proxy=" + s.proxy, "HTTP_PROXY=" + s.proxy,
		"https_proxy=" + s.proxy, "HTTPS_PROXY=" + s.proxy,
		"no_proxy=", "NO_PROXY=",
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w: %s", v.Program, strings.Join(v.Args, " "), err, stderr.String())
	}
	return out, nil
}
