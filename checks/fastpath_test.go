package checks

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/page"
)

// The hot paths of the page checks read labels, paths and notices byte by
// byte. These tests hold them to the plain formulations they replace, on
// random strings of the characters that matter to each.

func randomString(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range rng.IntN(n + 1) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func TestLabelFormAgreesWithNormalizeLabel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "Z", "m", "Q", " ", "  ", "\t", "\n", "\v", "\f", "\r", "É", "é", "ß", "K", "İ", "1", "&", "\x00", "\xff"}
	for range 20000 {
		s := randomString(rng, pieces, 8)
		want := page.NormalizeLabel(s)
		if got := normalize(s); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want)
		}
		switch labelForm(s) {
		case labelNormal:
			if s != want {
				t.Fatalf("labelForm(%q): normalized already, but NormalizeLabel gives %q", s, want)
			}
		case labelUpper:
			if strings.ToLower(s) != want || !isASCII(s) {
				t.Fatalf("labelForm(%q): ASCII to lower, but NormalizeLabel gives %q", s, want)
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestLabelKeys(t *testing.T) {
	labels := []string{"Home", "home", "", "  Small  Business ", "Cloud", "CLOUD services", "Ärger", "a\tb", "PCs & Devices", "x"}
	s := &dupScratch{first: map[string]int{}}
	for _, l := range labels {
		s.entries = append(s.entries, dupEntry{e: &page.Entry{Link: page.Link{Label: l}}})
	}
	keys := s.labelKeys()
	for i, l := range labels {
		if want := page.NormalizeLabel(l); keys[i] != want {
			t.Errorf("key of %q = %q, want %q", l, keys[i], want)
		}
	}
}

// plainSitePathReference is the fast path of classify as first written.
func plainSitePathReference(raw string) (target, bool) {
	if !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") || strings.ContainsAny(raw, "%\\ ") {
		return target{}, false
	}
	t := target{kind: targetInternal}
	rest, frag, found := strings.Cut(raw, "#")
	if found {
		t.fragment, t.hasFragment = frag, true
	}
	t.path, _, _ = strings.Cut(rest, "?")
	return t, true
}

func TestPlainSitePath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"/", "a", "b.html", "?", "#", "%20", "%", "\\", " ", "=", "&", "é", ":", "."}
	for range 20000 {
		s := randomString(rng, pieces, 8)
		got, gotOK := plainSitePath(s)
		want, wantOK := plainSitePathReference(s)
		if got != want || gotOK != wantOK {
			t.Fatalf("plainSitePath(%q) = %+v, %v, want %+v, %v", s, got, gotOK, want, wantOK)
		}
	}
}

func TestSameIndexPath(t *testing.T) {
	paths := []string{"", "/", "/index.html", "/a", "/a/", "/a/index.html", "/a/b/index.html", "/b/index.html", "index.html", "/aindex.html", "/a/xindex.html"}
	for _, a := range paths {
		for _, b := range paths {
			if got, want := sameIndexPath(a, b), indexPath(a) == indexPath(b); got != want {
				t.Errorf("sameIndexPath(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// noticeYearsReference is noticeYears as first written, with a regular
// expression.
func noticeYearsReference(text string, now time.Time) []int {
	yearPattern := regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:$|[^0-9])`)
	var years []int
	for rest := text; ; {
		loc := yearPattern.FindStringSubmatchIndex(rest)
		if loc == nil {
			break
		}
		y, _ := strconv.Atoi(rest[loc[2]:loc[3]])
		if y >= 1990 && y <= now.Year()+1 {
			years = append(years, y)
		}
		rest = rest[loc[3]:]
	}
	return years
}

func TestNoticeYearsAgreesWithPattern(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"19", "20", "2", "0", "1", "9", "5", "99", "2026", "2027", "1989", "-", "–", " ", "©", ",", "a", "\xff", "٢"}
	for range 20000 {
		s := randomString(rng, pieces, 8)
		if got, want := noticeYears(s, testNow), noticeYearsReference(s, testNow); !slices.Equal(got, want) {
			t.Fatalf("noticeYears(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, s := range []string{"", " ", "Home", "home", "Small  Business", " Cloud", "Cloud ", "Ärger", "a\tb", "PCs & Devices", "x"} {
		if got, want := normalize(s), page.NormalizeLabel(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}
