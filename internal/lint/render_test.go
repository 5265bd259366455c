package lint

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/net/html"

	"github.com/pagelint/pagelint/internal/chrometest"
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/source"
	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/schema"
)

func extractPages(t *testing.T, opt Options) []*page.Page {
	t.Helper()
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	opt.Config = cfg
	pages, pageErrs, err := Extract(context.Background(), opt)
	if err != nil || len(pageErrs) > 0 {
		t.Fatalf("Extract: %v %v", err, pageErrs)
	}
	return pages
}

// positions lists where the items of a page are, with their selectors.
func positions(p *page.Page) []string {
	var out []string
	add := func(kind string, pos page.Pos, sel string) {
		out = append(out, fmt.Sprintf("%s %d:%d %s", kind, pos.Line, pos.Column, sel))
	}
	var entries func(string, []*page.Entry)
	entries = func(kind string, list []*page.Entry) {
		for _, e := range list {
			add(kind+" "+e.Label, e.Pos, e.Selector)
			entries(kind, e.Children())
		}
	}
	for _, m := range p.Menus {
		add("menu", m.Pos, m.Selector)
		entries("entry", m.Entries)
	}
	if p.Footer != nil {
		add("footer", p.Footer.Pos, p.Footer.Selector)
		entries("footer item", p.Footer.Items)
	}
	for _, l := range p.Links {
		add("link "+l.Href, l.Pos, l.Selector)
	}
	return out
}

// TestRenderSourcePositions: the items of a rendered local page carry the
// line and column that reading its source gives them; those a script made
// carry their selector alone.
func TestRenderSourcePositions(t *testing.T) {
	chrometest.Require(t, source.FindChrome)
	const static = "<!DOCTYPE html>\r\n<html lang=\"en\"><head><title>Positions</title>\n" +
		"<link rel=\"stylesheet\" href=\"/site.css\"></head>\n<body>\n" +
		"<header><nav aria-label=\"Main\">\n  <ul><li><a href=\"/a.html\">Ä — a</a>\n" +
		"    <ul><li><a href=\"/a/b.html\">B</a></li></ul></li>\n\t<li><button>Menu</button></li></ul>\n" +
		"</nav></header>\n<main><p>Text <a href=\"#x\" id=\"x\">here</a> <img src=\"/i.png\" alt=\"i\"></p></main>\n" +
		"<footer><a href=\"/privacy.html\">Privacy</a> <p>© 2026 X</p></footer>\n"
	root := testfs.Dir(t, map[string]string{
		"index.html": static + "</body></html>\n",
		"built.html": static + `<script>document.querySelector("footer").insertAdjacentHTML("afterbegin", '<a href="/late.html">Late</a>')</script></body></html>`,
		"site.css":   "p { margin: 0 }",
	})
	source := extractPages(t, Options{Inputs: []string{filepath.Join(root, "index.html")}})
	rendered := extractPages(t, Options{Inputs: []string{filepath.Join(root, "index.html"), filepath.Join(root, "built.html")}, Render: true})
	want, got := positions(source[0]), positions(rendered[0])
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rendered:\n%s\nwant, as read from the source:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	late := rendered[1].Footer.Items[0]
	if late.Label != "Late" || late.Line != 0 || late.Selector == "" {
		t.Errorf("the entry a script made: %+v, want its selector and no line", late)
	}
	if privacy := rendered[1].Footer.Items[1]; privacy.Label != "Privacy" || privacy.Line != 11 {
		t.Errorf("the source entry after it: %+v, want line 11", privacy)
	}
}

// secretServer is a service on loopback that a rendered page must not reach
// unless the policy allows it, and how many requests it answered.
func secretServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	asked := &atomic.Int32{}
	secret := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		fmt.Fprint(w, "secret")
	}))
	t.Cleanup(secret.Close)
	return secret, asked
}

// TestRenderPolicyOwnServer: under a policy that refuses loopback, a local
// page still loads from the run's own file server on loopback, and what its
// script asks of another loopback server is refused and noted.
func TestRenderPolicyOwnServer(t *testing.T) {
	chrometest.Require(t, source.FindChrome)
	secret, asked := secretServer(t)
	root := testfs.Dir(t, map[string]string{
		"index.html": `<!DOCTYPE html><html><head><script src="/menu.js"></script></head><body><nav id="n"></nav></body></html>`,
		"menu.js": `fetch("` + secret.URL + `/latest/meta-data/").catch(() => {});
document.addEventListener("DOMContentLoaded", () => { document.getElementById("n").innerHTML = '<a href="/about.html">About</a>'; });`,
	})
	refuseLoopback := func(u *url.URL) error {
		if strings.HasPrefix(u.Host, "127.") || strings.HasPrefix(u.Host, "localhost") {
			return errors.New("loopback address 127.0.0.1 not allowed")
		}
		return nil
	}
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	pages, pageErrs, err := Extract(context.Background(), Options{
		Inputs: []string{root}, Config: cfg, Render: true, RenderPolicy: refuseLoopback,
	})
	if err != nil || len(pageErrs) > 0 {
		t.Fatal(err, pageErrs)
	}
	p := pages[0]
	if len(p.Menus) != 1 || len(p.Menus[0].Entries) != 1 || p.Menus[0].Entries[0].Label != "About" {
		t.Errorf("the page's own script did not run: menus %+v", p.Menus)
	}
	if asked.Load() != 0 {
		t.Errorf("the refused server was asked %d times", asked.Load())
	}
	want := "the address policy refused the page's request to " + secret.URL + "/latest/meta-data/ (loopback address 127.0.0.1 not allowed)"
	if p.Note != want {
		t.Errorf("note = %q\nwant   %q", p.Note, want)
	}
}

// TestDOMIndex: the selector paths of the model are followed step by step;
// any other selector is matched all the same, the slow way.
func TestDOMIndex(t *testing.T) {
	const doc = `<html><head><title>t</title></head><body><div id="a"><p>one</p><p>two <b id="with &quot;quote&quot; &gt; and \ slash">x</b></p></div>` +
		`<div id="1st"><i>i</i></div><ul><li><a href="/x">x</a></li></ul></body></html>`
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sel, want string // want: the element's tag and its text
		slow      bool
	}{
		{sel: "body > ul:nth-child(3) > li:nth-child(1) > a:nth-child(1)", want: "a x"},
		{sel: "div#a > p:nth-child(2)", want: "p two x"},
		{sel: `b[id="with \"quote\" > and \\ slash"]`, want: "b x", slow: true}, // " > " inside the id
		{sel: `div[id="1st"] > i:nth-child(1)`, want: "i i"},
		{sel: "head > title:nth-child(1)", want: "title t"},
		{sel: "div#a > p:nth-child(3)", want: ""},
		{sel: "div#a > span:nth-child(1)", want: ""},
		{sel: "div#none", want: ""},
		{sel: "ul > li > a", want: "a x", slow: true},
	}
	for _, tt := range tests {
		ix := newDOMIndex(root)
		n := ix.find(tt.sel)
		got := ""
		if n != nil {
			var text strings.Builder
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode {
					text.WriteString(n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(n)
			got = n.Data + " " + text.String()
		}
		if got != tt.want || (ix.slow > 0) != tt.slow {
			t.Errorf("find(%q) = %q (slow %v), want %q (slow %v)", tt.sel, got, ix.slow > 0, tt.want, tt.slow)
		}
	}
}

// TestRenderKeepsToTheNetworkPolicy: without a RenderPolicy of its own, a
// run renders under its network policy (docs/SECURITY.md): a local site's
// script asking a loopback server — by a fetch, or by a WebSocket, which
// the browser's request interception never sees — is refused and noted
// unless AllowPrivate lets it reach loopback, and an image, a fetch or a
// WebSocket to the cloud metadata address is refused even then. The
// metadata address is never dialled (it is not on loopback): the
// interception refuses what it sees, and the browser's proxy checks an
// address before it connects to it.
func TestRenderKeepsToTheNetworkPolicy(t *testing.T) {
	chrometest.Require(t, source.FindChrome)
	secret, asked := secretServer(t)
	const metadata = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
	loopbackPage := `<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><script>
fetch("` + secret.URL + `/latest/meta-data/").catch(() => {});</script></body></html>`
	socketURL := "ws://" + secret.Listener.Addr().String() + "/socket"
	socketPage := `<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><script>
new WebSocket("` + socketURL + `");</script></body></html>`
	metadataPage := func(tag string) string {
		return `<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav>` + tag + `</body></html>`
	}
	cfg, err := schema.Default(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, page string
		allow      bool
		asked      bool   // the loopback server answered
		note       string // the page's note
	}{
		{name: "loopback refused", page: loopbackPage,
			note: "the address policy refused the page's request to " + secret.URL + "/latest/meta-data/ (127.0.0.1 is a loopback address: not requested)"},
		{name: "loopback with AllowPrivate", page: loopbackPage, allow: true, asked: true},
		{name: "metadata image with AllowPrivate", page: metadataPage(`<img src="` + metadata + `" alt="">`), allow: true,
			note: "the address policy refused the page's request to " + metadata + " (169.254.169.254 is a link-local, metadata or unspecified address: never requested)"},
		{name: "metadata fetch", page: metadataPage(`<script>fetch("` + metadata + `").catch(() => {});</script>`),
			note: "the address policy refused the page's request to " + metadata + " (169.254.169.254 is a link-local, metadata or unspecified address: never requested)"},
		{name: "loopback WebSocket refused", page: socketPage,
			note: "the address policy refused the page's request to " + socketURL + " (127.0.0.1 is a loopback address: not requested)"},
		{name: "loopback WebSocket with AllowPrivate", page: socketPage, allow: true, asked: true},
		{name: "metadata WebSocket with AllowPrivate", page: metadataPage(`<script>new WebSocket("ws://169.254.169.254/latest/");</script>`), allow: true,
			note: "the address policy refused the page's request to ws://169.254.169.254/latest/ (169.254.169.254 is a link-local, metadata or unspecified address: never requested)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked.Store(0)
			root := testfs.Dir(t, map[string]string{"index.html": tt.page})
			pages, pageErrs, err := Extract(context.Background(), Options{Inputs: []string{root}, Config: cfg, Render: true, AllowPrivate: tt.allow})
			if err != nil || len(pageErrs) > 0 {
				t.Fatal(err, pageErrs)
			}
			if got := asked.Load() > 0; got != tt.asked {
				t.Errorf("the loopback server asked: %v, want %v", got, tt.asked)
			}
			if note := pages[0].Note; note != tt.note {
				t.Errorf("note = %q\nwant   %q", note, tt.note)
			}
		})
	}
}
