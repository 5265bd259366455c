//go:build unix

package linkcheck

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
	"github.com/pagelint/pagelint/internal/testnet"
)

// A Check whose hosts' TCP connects time out, as behind a firewall that
// drops packets (a real socket on loopback whose connects hang), beside
// a real server: enough such hosts, with no host answering, is no network;
// fewer, or with a host that answers, are broken links, each host's after
// the retry of its first URLs only; a name whose other port answers is a
// host that answered (TestReachDownBy: a connect timeout downs one origin).
// An answer that is slow after the connection was made is the URL's, and
// every URL is asked.
func TestCheckConnectTimeouts(t *testing.T) {
	s := newSite(t)
	live, hanging := portOf(s.URL), portOf(testnet.HangingAddr(t))
	const timeout = 400 * time.Millisecond
	tests := []struct {
		name string
		urls []string
		// outage: the URLs of the hosts down are unchecked; else those
		// of hanging hosts are broken with reason.
		outage bool
		reason string
		works  int  // URLs of the server's /ok that work
		down   bool // a host's first URLs only were asked
	}{
		{"every host's connects hang", hostURLs(hanging, "/page", "a.test", "b.test", "c.test"),
			true, "", 0, true},
		{"two hosts hang: broken", hostURLs(hanging, "/page", "a.test", "b.test"),
			false, "connection timed out", 0, true},
		{"one host answers", append(hostURLs(hanging, "/page", "a.test", "b.test", "c.test"), "http://live.test"+live+"/ok"),
			false, "connection timed out", 1, true},
		{"another port of a name answers", append(hostURLs(hanging, "/page", "a.test", "b.test", "c.test"), hostURLs(live, "/ok", "a.test")...),
			false, "connection timed out", 5, true},
		{"a slow answer is the URL's", hostURLs(live, "/slow", "a.test", "b.test", "c.test"),
			false, "timeout after " + timeout.String(), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dns := testnet.StartDNS(t, map[string]string{"*": "127.0.0.1"})
			c := newChecker(t, Options{Policy: &netpolicy.Policy{AllowLoopback: true, Resolve: dns.Lookup}, Timeout: timeout})
			results := c.Check(context.Background(), tt.urls)
			var outage *Outage
			if tt.outage {
				outage = &Outage{Hosts: 3, TimedOut: 3, Example: "a.test", Reason: "connection timed out", URLs: 15}
			}
			live := func(u string) bool { return strings.Contains(u, "/ok") }
			summary := "none of 3 hosts answered a connection, e.g. a.test: connection timed out"
			if works := checkReached(t, c, results, tt.urls, live, outage, summary, tt.reason); works != tt.works {
				t.Errorf("%d URLs work, want %d", works, tt.works)
			}
			// Of a hanging host, the URLs in flight when it went down
			// were asked, the first in the order given, at most one per
			// slot it started with, each twice (one retry); the others
			// got its answer without a request. A slow URL is asked
			// whatever its host's other URLs did.
			for _, h := range []string{"a.test", "b.test", "c.test"} {
				i := 0
				for _, u := range tt.urls {
					if !strings.Contains(u, "//"+h+":") || tt.down && !strings.Contains(u, hanging+"/") {
						continue
					}
					switch a := results[u].Attempts; {
					case !tt.down && a != 2:
						t.Errorf("%s asked %d times, want 2 (a timeout is retried once)", u, a)
					case tt.down && i >= DefaultPerHost && a != 0:
						t.Errorf("%s asked %d times, but it came after %d URLs of its host, which was down", u, a, DefaultPerHost)
					case tt.down && i < DefaultPerHost && a > 2:
						t.Errorf("%s asked %d times, want 2 at most (a connect timeout is retried once)", u, a)
					}
					i++
				}
			}
		})
	}
}

// With no retries, one connect timeout puts the host down.
func TestCheckConnectTimeoutNoRetry(t *testing.T) {
	dns := testnet.StartDNS(t, map[string]string{"*": "127.0.0.1"})
	hang := portOf(testnet.HangingAddr(t))
	urls := []string{"http://one.test" + hang + "/a", "http://one.test" + hang + "/b"}
	c := newChecker(t, Options{Policy: &netpolicy.Policy{AllowLoopback: true, Resolve: dns.Lookup}, Timeout: 300 * time.Millisecond, Retries: -1, PerHost: 1})
	results := c.Check(context.Background(), urls)
	for i, want := range []int{1, 0} {
		if r := results[urls[i]]; r.OK || r.Reason != "connection timed out" || r.Attempts != want {
			t.Errorf("%s: %+v, want broken (connection timed out) after %d tries", urls[i], r, want)
		}
	}
}

// A request the run's deadline cuts short says nothing of the network: a
// run whose other hosts did not resolve is still one that reached none.
func TestCheckDeadlineDuringConnect(t *testing.T) {
	dns := testnet.StartDNS(t, map[string]string{"*": testnet.NXDomain, "hang.test": "127.0.0.1"})
	urls := []string{"https://a.test/", "https://b.test/", "https://c.test/", "http://hang.test" + portOf(testnet.HangingAddr(t)) + "/"}
	c := newChecker(t, Options{Policy: &netpolicy.Policy{AllowLoopback: true, Resolve: dns.Lookup}, Timeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	results := c.Check(ctx, urls)
	for _, u := range urls {
		if r := results[u]; !r.OK || !r.Unchecked {
			t.Errorf("%s: %+v, want unchecked", u, r)
		}
	}
	if o := c.Stats().NoNetwork; o == nil || o.Hosts != 3 || o.Unresolved != 3 {
		t.Errorf("outage %+v, want 3 names unresolved", o)
	}
}
