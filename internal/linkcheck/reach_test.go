package linkcheck

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/testnet"
	"github.com/pagelint/pagelint/internal/urlnorm"
)

// A Check whose hosts' names do not resolve, on a real DNS server on
// loopback: enough of them, with no host answering, is no network (the
// URLs are not checked, not broken); fewer, or with a host that answers,
// are broken links. Each name is looked up once, and the URLs of a host
// that is down get its answer without a request of their own.
func TestCheckUnreachableHosts(t *testing.T) {
	s := newSite(t)
	port := portOf(s.URL)
	urls := func(hosts ...string) []string { return hostURLs(port, "/page", hosts...) }
	tests := []struct {
		name    string
		answers map[string]string
		urls    []string
		// outage: the URLs of the hosts down are unchecked; else broken
		// with reason.
		outage bool
		reason string
		works  int // URLs that work
	}{
		{"every name gone", map[string]string{"*": testnet.NXDomain},
			urls("a.test", "b.test", "c.test"), true, "", 0},
		{"two names gone: dead domains", map[string]string{"*": testnet.NXDomain},
			urls("a.test", "b.test"), false, "DNS lookup failed: no such host", 0},
		{"one host answers", map[string]string{"*": testnet.NXDomain, "live.test": "127.0.0.1"},
			append(urls("a.test", "b.test", "c.test"), "http://live.test"+port+"/ok"), false, "DNS lookup failed: no such host", 1},
		{"a 404 is an answer", map[string]string{"*": testnet.NXDomain, "live.test": "127.0.0.1"},
			append(urls("a.test", "b.test", "c.test"), "http://live.test"+port+"/404"), false, "DNS lookup failed: no such host", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dns := testnet.StartDNS(t, tt.answers)
			cachePath := filepath.Join(t.TempDir(), "cache.json")
			c := newChecker(t, Options{Policy: &netpolicy.Policy{AllowLoopback: true, Resolve: dns.Lookup}, CachePath: cachePath})
			results := c.Check(context.Background(), tt.urls)
			var outage *Outage
			if tt.outage {
				outage = &Outage{Hosts: 3, Unresolved: 3, Example: "a.test", Reason: "DNS lookup failed: no such host", URLs: 15}
			}
			live := func(u string) bool { return strings.Contains(u, "live.test") }
			if works := checkReached(t, c, results, tt.urls, live, outage, "none of 3 names resolved, e.g. a.test: no such host", tt.reason); works != tt.works {
				t.Errorf("%d URLs of live.test work, want %d", works, tt.works)
			}
			for _, h := range []string{"a.test", "b.test", "c.test"} {
				if n := dns.Queries(h); n > 1 {
					t.Errorf("%s looked up %d times, want once", h, n)
				}
			}
			// A host that is down is asked by the requests that were
			// under way when it went down, at most one per slot it
			// started with; its other URLs get its answer at once.
			for _, h := range []string{"a.test", "b.test", "c.test"} {
				asked := 0
				for _, u := range tt.urls {
					if strings.Contains(u, "//"+h+":") && results[u].Attempts > 0 {
						asked++
					}
				}
				if asked > DefaultPerHost {
					t.Errorf("%d URLs of %s were asked, want at most %d", asked, h, DefaultPerHost)
				}
			}
			cached, _ := os.ReadFile(cachePath)
			if got := strings.Contains(string(cached), "a.test"); got == tt.outage {
				t.Errorf("cache holds a.test: %v, want %v:\n%s", got, !tt.outage, cached)
			}
		})
	}
}

// A resolver that answers nothing: a request that times out while its
// name is being looked up fails at DNS, the name's failure (retried as a
// timeout is), and a run whose every name timed out reached no host.
func TestCheckSilentResolver(t *testing.T) {
	dns := testnet.StartDNS(t, map[string]string{"*": testnet.Silence})
	urls := []string{"https://a.test/", "https://b.test/x", "https://b.test/y", "https://c.test/"}
	c := newChecker(t, Options{Policy: &netpolicy.Policy{Resolve: dns.Lookup}, Timeout: 400 * time.Millisecond, Retries: 1})
	results := c.Check(context.Background(), urls)
	for _, u := range urls {
		if r := results[u]; !r.Unchecked || r.SkipReason != noNetworkReason {
			t.Errorf("%s: %+v, want unchecked: %s", u, r, noNetworkReason)
		}
	}
	o := c.Stats().NoNetwork
	if o == nil || o.Unresolved != 3 || !strings.HasPrefix(o.Reason, "DNS lookup failed: ") {
		t.Fatalf("outage %+v: want 3 names unresolved, for a DNS timeout", o)
	}
	if a := results[urls[0]].Attempts; a != 2 {
		t.Errorf("a.test asked %d times, want 2 (one retry)", a)
	}
}

// A host with many URLs is looked up once, and only the URLs in flight
// when its name failed were sent: the rest did not wait for a slot.
func TestCheckDownHostLookedUpOnce(t *testing.T) {
	dns := testnet.StartDNS(t, map[string]string{"*": testnet.NXDomain})
	var urls []string
	for i := range 200 {
		urls = append(urls, fmt.Sprintf("https://many.test/doc/%d", i))
	}
	c := newChecker(t, Options{Policy: &netpolicy.Policy{Resolve: dns.Lookup}, PerHost: 2})
	results := c.Check(context.Background(), urls)
	if n := dns.Queries("many.test"); n != 1 {
		t.Errorf("many.test looked up %d times, want once", n)
	}
	asked := 0
	for i, u := range urls {
		r := results[u]
		if r.OK || r.Reason != "DNS lookup failed: no such host" {
			t.Fatalf("%s: %+v, want broken (one host is no outage)", u, r)
		}
		if r.Attempts > 0 {
			asked++
			// The URLs go out in the order given: the ones asked are
			// the first.
			if i >= 2 {
				t.Errorf("%s was asked, but it came after the host was known to be down", u)
			}
		}
	}
	if st := c.Stats(); asked == 0 || st.Requests != asked || asked > 2 {
		t.Errorf("%d URLs asked, %d requests: want 1 or 2 (the host's slots), each once", asked, st.Requests)
	}
}

// A temporary DNS failure (SERVFAIL) is retried as any temporary failure
// is, with a lookup of its own each time (a URL waiting out its backoff
// leaves the host's slot to the next, which tries too), and then is the
// host's answer for its other URLs.
func TestCheckTemporaryDNSFailureRetried(t *testing.T) {
	dns := testnet.StartDNS(t, map[string]string{"*": testnet.ServFail})
	// How many queries one lookup makes depends on the system's resolver
	// settings (attempts, servers): count it.
	_, _ = dns.Lookup(context.Background(), "probe.test")
	perLookup := dns.Queries("probe.test")
	if perLookup == 0 {
		t.Fatal("the DNS server saw no query")
	}
	var urls []string
	for i := range 10 {
		urls = append(urls, fmt.Sprintf("https://flaky.test/%d", i))
	}
	c := newChecker(t, Options{Policy: &netpolicy.Policy{Resolve: dns.Lookup}, PerHost: 1, Retries: 2})
	results := c.Check(context.Background(), urls)
	tries := 0
	for _, u := range urls {
		r := results[u]
		if r.OK || r.Reason != "DNS lookup failed: server misbehaving" || r.Attempts != 0 && r.Attempts != 3 {
			t.Errorf("%s: %+v, want broken after 3 tries, or at once", u, r)
		}
		tries += r.Attempts
	}
	if results[urls[0]].Attempts != 3 || results[urls[len(urls)-1]].Attempts != 0 {
		t.Errorf("the first URL tried %d times, the last %d: want 3, and the host's answer without a request",
			results[urls[0]].Attempts, results[urls[len(urls)-1]].Attempts)
	}
	if n := dns.Queries("flaky.test"); n != tries*perLookup {
		t.Errorf("%d queries of flaky.test, want %d: one lookup per try", n, tries*perLookup)
	}
}

// checkReached checks what a Check whose hosts could not be reached gave:
// with outage, the URLs of the hosts down unchecked and the outage with
// its summary; without, those URLs broken with reason, and no outage. It
// counts the live URLs that work.
func checkReached(t *testing.T, c *Checker, results map[string]*Result, urls []string, live func(string) bool, outage *Outage, summary, reason string) (works int) {
	t.Helper()
	for _, u := range urls {
		r := results[u]
		switch {
		case live(u):
			if r.OK && !r.Skipped {
				works++
			}
		case outage != nil:
			if !r.OK || !r.Skipped || !r.Unchecked || r.SkipReason != noNetworkReason {
				t.Errorf("%s: %+v, want unchecked: %s", u, r, noNetworkReason)
			}
		case r.OK || r.Reason != reason:
			t.Errorf("%s: %+v, want broken: %s", u, r, reason)
		}
	}
	st := c.Stats()
	switch {
	case outage != nil && st.NoNetwork == nil:
		t.Fatalf("stats %+v: want an outage", st)
	case outage != nil:
		if *st.NoNetwork != *outage {
			t.Errorf("outage %+v, want %+v", *st.NoNetwork, *outage)
		}
		if got := st.NoNetwork.Summary(); got != summary {
			t.Errorf("summary %q, want %q", got, summary)
		}
	case st.NoNetwork != nil:
		t.Errorf("outage %+v, want none", *st.NoNetwork)
	}
	return works
}

// A host down at DNS or the route is down by name, one whose connect
// timed out only on the URL's origin (scheme, name and port).
func TestReachDownBy(t *testing.T) {
	timedOut, unreachable := connectTimedOut(), failure{reason: "host unreachable", host: true}
	r := newReach(context.Background(), nil, time.Second)
	r.markDown("http://a.test:8080/x", &timedOut)
	r.markDown("https://b.test/x", &unreachable)
	for _, tt := range []struct {
		url  string
		want *failure
	}{
		{"http://a.test:8080/y", &timedOut},
		{"http://a.test:8080/", &timedOut},
		{"http://a.test/y", nil},
		{"https://a.test:8080/y", nil},
		{"https://a.test/y", nil},
		{"http://b.test/y", &unreachable},
		{"https://b.test:8443/y", &unreachable},
	} {
		u, err := urlnorm.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.downBy(u); got != tt.want {
			t.Errorf("%s: down by %v, want %v", tt.url, got, tt.want)
		}
	}
}

// hostURLs are five URLs of path on each of hosts, at port (":8080").
func hostURLs(port, path string, hosts ...string) []string {
	var out []string
	for _, h := range hosts {
		for i := range 5 {
			out = append(out, fmt.Sprintf("http://%s%s%s?i=%d", h, port, path, i))
		}
	}
	return out
}

// portOf is the ":port" that an address or URL ends in.
func portOf(addr string) string { return addr[strings.LastIndex(addr, ":"):] }
