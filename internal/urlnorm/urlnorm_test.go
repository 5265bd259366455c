package urlnorm

import (
	"net/url"
	"strings"
	"testing"
)

// TestSame: the one definition of the same URL, valid and invalid cases
// side by side.
func TestSame(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"HTTP://Example.COM", "http://example.com/", true},
		{"http://example.com:80/a", "http://example.com/a", true},
		{"https://example.com:443/a", "https://example.com/a", true},
		{"http://[::1]:80/x", "http://[::1]/x", true},
		{"http://example.com/a/./b/../c", "http://example.com/a/c", true},
		{"http://user:pw@example.com/a", "http://example.com/a", true},
		{"https://example.com/a#one", "https://example.com/a#two", true},
		{" https://example.com/a ", "https://example.com/a", true},

		{"http://example.com/a", "https://example.com/a", false},
		{"https://example.com:80/", "https://example.com/", false},
		{"http://example.com:8080/x", "http://example.com/x", false},
		{"http://example.com/Case", "http://example.com/case", false},
		{"https://example.com/a?b=1&a=2", "https://example.com/a?a=2&b=1", false},
		{"https://example.com/a/", "https://example.com/a", false},
		{"https://example.com/a%2Fb", "https://example.com/a/b", false},
	}
	for _, tt := range tests {
		if got := Same(tt.a, tt.b); got != tt.same {
			t.Errorf("Same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in, key, frag, origin, host string
		err                         string
	}{
		{in: "HTTP://Example.COM", key: "http://example.com/", origin: "http://example.com", host: "example.com"},
		{in: "https://example.com:443/a?b=1#Frag", key: "https://example.com/a?b=1", frag: "Frag", origin: "https://example.com", host: "example.com"},
		{in: "http://example.com:8080/x", key: "http://example.com:8080/x", origin: "http://example.com:8080", host: "example.com"},
		{in: "https://example.com:80/", key: "https://example.com:80/", origin: "https://example.com:80", host: "example.com"},
		{in: "http://[::1]:80/", key: "http://[::1]/", origin: "http://[::1]", host: "::1"},
		{in: "http://user:pw@example.com/", key: "http://example.com/", origin: "http://example.com", host: "example.com"},
		{in: "http://example.com/a/./b/../c", key: "http://example.com/a/c", origin: "http://example.com", host: "example.com"},
		{in: "http://exa mple.com", err: "invalid character"},
		{in: "https://[::1", err: "missing ']'"},
		{in: "ftp://example.com", err: "not http or https"},
		{in: "/site/path", err: "not http or https"},
		{in: "http:///path", err: "no host"},
		{in: "http://127.0.0.1:99999/", err: `invalid port "99999"`},
		{in: "http://127.0.0.1:0/", err: `invalid port "0"`},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		want := URL{Key: tt.key, Fragment: tt.frag, Origin: tt.origin, Host: tt.host}
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tt.in, got, err, want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"https://Example.com/a#f": "https://example.com/a",
		"/site/path#f":            "/site/path",
		"mailto:a@example.com":    "mailto:a@example.com",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// The URLs Key reads without net/url get the key net/url gives them.
func TestPlainKeyAgreesWithNetURL(t *testing.T) {
	for _, raw := range []string{"https://ex.com/a", "http://ex.com/a/b.html?q=1&r=%27x%27#f", "https://ex.com/a?b?c#d#e",
		"https://ex.com", "https://ex.com:443/a", "https://ex.com:8080/a", "https://Ex.com/a", "HTTPS://ex.com/a",
		"https://ex.com/a/../b", "https://ex.com/a/./b", "https://ex.com/a/.", "https://ex.com//a", "https://ex.com/%41",
		"https://ex.com/a b", "https://ex.com/a?b c", "https://ex.com/a?%zz#%zz", "https://u@ex.com/a", "https://ex.com/a#",
		"https://ex.com/a?", "https://ex.com/.well-known/x", "https://-/a", "https://a..b/c", "ftp://ex.com/a", "/a/b#c"} {
		checkPlainKey(t, raw)
	}
}

func checkPlainKey(t *testing.T, raw string) {
	t.Helper()
	if got, ok := plainKey(raw); ok {
		if want := parsedKey(raw); got != want {
			t.Errorf("plainKey(%q) = %q, net/url %q", raw, got, want)
		}
	}
}

// FuzzPlainKey: Key gives what net/url gives on the URLs it reads alone.
func FuzzPlainKey(f *testing.F) {
	for _, seed := range []string{"https://ex.com/a?b=%27c%27#f", "http://ex.com/a/b/", "https://ex.com:80/"} {
		f.Add(seed)
	}
	f.Fuzz(checkPlainKey)
}

func TestResolve(t *testing.T) {
	tests := []struct{ page, base, ref, want string }{
		{"/docs/a.html", "", "b.html#x", "/docs/b.html#x"},
		{"https://example.com/docs/a.html", "", "../b?q=1", "https://example.com/b?q=1"},
		{"https://example.com/docs/a.html", "/other/", "c", "https://example.com/other/c"},
		{"https://example.com/docs/", "https://cdn.example.com/", "x.css", "https://cdn.example.com/x.css"},
		{"", "", "rel/x", "/rel/x"},
		{"%zz", "", "rel/x", "rel/x"}, // no base: the reference as written
		{"/a.html", "", "%zz", ""},
		// Read as browsers read them: line breaks dropped, "\\" a "/".
		{"/a.html", "", "https://fandom.link/NeverSurrender\n\\r", "https://fandom.link/NeverSurrender/r"},
		{"/docs/a.html", "", " \tb.html\r\n", "/docs/b.html"},
		{"/docs/a.html", "", "..\\img\\x.png?a=\\b", "/img/x.png?a=\\b"},
	}
	for _, tt := range tests {
		got, ok := Resolve(Base(tt.page, tt.base), tt.ref)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("Resolve(%q + %q, %q) = %q, want %q", tt.page, tt.base, tt.ref, got, tt.want)
		}
	}
	if b := Base("%zz", ""); b != nil {
		t.Errorf("Base of an unparsable URL = %v, want nil", b)
	}
	if got := Authority(&url.URL{Scheme: "HTTPS", Host: "EXAMPLE.com:443"}); got != "example.com" {
		t.Errorf("Authority = %q", got)
	}
}

func TestSite(t *testing.T) {
	site := NewSite("https://www.contoso.example/project/", []string{"http://127.0.0.1:8080/"})
	parse := func(s string) *url.URL {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for _, tt := range []struct {
		target, pageHost, want string
		ok                     bool
	}{
		{"https://www.contoso.example/project/a.html", "", "/a.html", true},
		{"https://WWW.contoso.example:443/project", "", "/", true},
		{"https://www.contoso.example/other/", "", "", false},               // the same host, another site
		{"http://127.0.0.1:8080/project/b/", "127.0.0.1:8080", "/b/", true}, // a staging origin
		{"https://news.example/world/", "news.example", "/world/", true},    // a saved page's own origin
		{"https://elsewhere.example/", "news.example", "", false},
	} {
		got, ok := site.SitePath(parse(tt.target), tt.pageHost)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SitePath(%q, %q) = %q, %v; want %q, %v", tt.target, tt.pageHost, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct{ target, page, want string }{
		{"https://www.contoso.example/project/about/#team", "http://127.0.0.1:8080/project/", "http://127.0.0.1:8080/project/about/#team"},
		{"https://www.contoso.example/project/about/", "https://www.contoso.example/project/", "https://www.contoso.example/project/about/"},
		{"https://elsewhere.example/", "http://127.0.0.1:8080/", "https://elsewhere.example/"},
		{"https://www.contoso.example/x", "https://saved.example/", "https://www.contoso.example/x"}, // not read from staging
	} {
		if got := site.Ask(tt.target, tt.page); got != tt.want {
			t.Errorf("Ask(%q, %q) = %q, want %q", tt.target, tt.page, got, tt.want)
		}
	}
	for _, tt := range []struct{ target, want string }{
		{"/project/guide.html#x", "/guide.html#x"},
		{"/project?q", "/?q"},
		{"/other/", "https://www.contoso.example/other/"},
	} {
		if got := site.RootRelative(tt.target); got != tt.want {
			t.Errorf("RootRelative(%q) = %q, want %q", tt.target, got, tt.want)
		}
	}
	var none *Site
	if got := none.RootRelative("/a"); got != "/a" || none.HasBase() {
		t.Errorf("a nil Site maps %q", got)
	}
	if _, ok := none.SitePath(parse("https://x.example/"), ""); ok {
		t.Errorf("a nil Site owns a URL of no page")
	}
}

// FuzzParse: the normal form is its own normal form, so that a URL keyed
// once is found again under its key.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"HTTP://Example.COM:80/a/../b?q#f", "https://[::1]:443", "http://u:p@x/./", "https://x/a%2F..%2Fb"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n, err := Parse(raw)
		if err != nil || strings.TrimSpace(n.Key) != n.Key {
			return // Parse trims its input: a query ending in a space is not kept
		}
		again, err := Parse(n.Key)
		if err != nil || again.Key != n.Key {
			t.Errorf("Parse(%q).Key = %q, whose own key is %q (%v)", raw, n.Key, again.Key, err)
		}
	})
}
