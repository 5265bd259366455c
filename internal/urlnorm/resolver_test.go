package urlnorm

import (
	"net/url"
	"testing"
)

var resolverBases = []string{"/dir/index.html", "/", "/a/b/", "https://ex.com", "https://ex.com/x/y.html?q=1#f",
	"//cdn.ex/x/", "https://ex.com/a:b/c", "http://ex.com:8080/d/"}

// The fast path of Target gives what net/url gives.
func TestResolverFastPathAgreesWithNetURL(t *testing.T) {
	for _, base := range resolverBases {
		for _, h := range resolverHrefs {
			checkFastPath(t, base, h)
		}
	}
}

var resolverHrefs = []string{"#f", "#", "x.html", "x/y.html?a=b#c", "/abs", "/abs?q#f", "a:b/c", "./x", "../x", "x/../y", ".", "..",
	"?q=1", "?q=1#f", "#a#b", "x#a?b", "/a//b", "x.", "mailto:x", "X-y_z~1/!$&'()*+,;=:@", "a?b?c", "/%41", "sp ace",
	"x#", "x?", "https://h.ex/a?b#c", "https://h.ex", "https://h.ex#", "https://h.ex?", "http://h.ex:80/p", "https://H.ex/",
	"https://h.ex:/", "https://u@h.ex/", "https://h.ex/a/../b", "HTTPS://h.ex/", "//h.ex/p", "https://h_x.ex/", "https://-/",
	"x?a=%27b%27", "https://h.ex/i?body=%28x%29&t=Re%3A#f", "x?%zz", "x?a?b#%41", "/p.", "/p./q", "/.x", "/a/.."}

// TargetOf, with one memo of hrefs for every page, gives what Target gives.
func TestTargetOfAgreesWithTarget(t *testing.T) {
	var hrefs Hrefs
	for range 2 {
		for _, base := range resolverBases {
			for _, h := range append(resolverHrefs, " /x ", "JavaScript:go()", " mailto:a@b.ex", "") {
				checkTargetOf(t, &hrefs, base, h)
			}
		}
	}
}

func checkTargetOf(t *testing.T, hrefs *Hrefs, base, h string) {
	t.Helper()
	r := NewResolver(base, "")
	href, target := r.TargetOf(hrefs, []byte(h))
	if want := r.Target(h); href != h || target != want {
		t.Errorf("base %q href %q: TargetOf %q %q, Target %q", base, h, href, target, want)
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

// FuzzResolver: the fast path of Target gives what net/url gives, and
// TargetOf what Target gives, and SplitPlain the parts net/url gives.
func FuzzResolver(f *testing.F) {
	for _, h := range []string{"x/y.html?a=b#c", "https://h.ex/a?b#c", "#f", "/a/b", "x#"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		checkSplitPlain(t, h)
		var hrefs Hrefs
		for _, base := range resolverBases {
			checkFastPath(t, base, h)
			checkTargetOf(t, &hrefs, base, h)
		}
	})
}

// SplitPlain gives the parts net/url gives.
func TestSplitPlainAgreesWithNetURL(t *testing.T) {
	for _, raw := range append(resolverHrefs, "https://h.ex/a?b", "http://h.ex/p?", "https://h.ex?q#f", "https://h.ex:8080/p",
		"https://h.ex/a(b)!*'/c#x(y)", "https://h.ex/%41") {
		checkSplitPlain(t, raw)
	}
}

func checkSplitPlain(t *testing.T, raw string) {
	t.Helper()
	got, ok := SplitPlain(raw)
	if !ok {
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("%q: plain, but net/url: %v", raw, err)
	}
	noFrag := *u
	noFrag.Fragment, noFrag.RawFragment = "", ""
	want := Plain{NoFragment: noFrag.String(), Authority: Authority(u), Path: u.Path, Fragment: u.Fragment}
	if got != want || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		t.Errorf("%q: SplitPlain %+v, net/url %+v", raw, got, want)
	}
}
