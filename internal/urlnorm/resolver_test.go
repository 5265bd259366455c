package urlnorm

import "testing"

var resolverBases = []string{"/dir/index.html", "/", "/a/b/", "https://ex.com", "https://ex.com/x/y.html?q=1#f",
	"//cdn.ex/x/", "https://ex.com/a:b/c", "http://ex.com:8080/d/"}

// The fast path of Target gives what net/url gives.
func TestResolverFastPathAgreesWithNetURL(t *testing.T) {
	hrefs := []string{"#f", "#", "x.html", "x/y.html?a=b#c", "/abs", "/abs?q#f", "a:b/c", "./x", "../x", "x/../y", ".", "..",
		"?q=1", "?q=1#f", "#a#b", "x#a?b", "/a//b", "x.", "mailto:x", "X-y_z~1/!$&'()*+,;=:@", "a?b?c", "/%41", "sp ace",
		"x#", "x?", "https://h.ex/a?b#c", "https://h.ex", "https://h.ex#", "https://h.ex?", "http://h.ex:80/p", "https://H.ex/",
		"https://h.ex:/", "https://u@h.ex/", "https://h.ex/a/../b", "HTTPS://h.ex/", "//h.ex/p", "https://h_x.ex/", "https://-/",
		"x?a=%27b%27", "https://h.ex/i?body=%28x%29&t=Re%3A#f", "x?%zz", "x?a?b#%41", "/p.", "/p./q", "/.x", "/a/.."}
	for _, base := range resolverBases {
		for _, h := range hrefs {
			checkFastPath(t, base, h)
		}
	}
}

func checkFastPath(t *testing.T, base, h string) {
	t.Helper()
	r := NewResolver(base, "")
	got, ok := r.fastTarget(h)
	if !ok {
		return
	}
	if want, _ := Resolve(r.base, h); got != want {
		t.Errorf("base %q href %q: fast %q, net/url %q", base, h, got, want)
	}
}

// FuzzResolver: the fast path of Target gives what net/url gives.
func FuzzResolver(f *testing.F) {
	for _, h := range []string{"x/y.html?a=b#c", "https://h.ex/a?b#c", "#f", "/a/b", "x#"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		for _, base := range resolverBases {
			checkFastPath(t, base, h)
		}
	})
}
