package testnet

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
)

// Each answer of the table reaches the resolver as a real server's would,
// and the server counts the lookups of each name.
func TestDNS(t *testing.T) {
	dns := StartDNS(t, map[string]string{"*": NXDomain, "live.test": "127.0.0.1", "flaky.test": ServFail})
	ctx := context.Background()
	addrs, err := dns.Lookup(ctx, "live.test")
	if err != nil || len(addrs) != 1 || addrs[0] != netip.MustParseAddr("127.0.0.1") {
		t.Errorf("live.test: %v %v, want 127.0.0.1", addrs, err)
	}
	var dnsErr *net.DNSError
	if _, err := dns.Lookup(ctx, "gone.test"); !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Errorf("gone.test: %v, want no such host", err)
	}
	if _, err := dns.Lookup(ctx, "flaky.test"); !errors.As(err, &dnsErr) || !dnsErr.IsTemporary {
		t.Errorf("flaky.test: %v, want a temporary failure", err)
	}
	if n := dns.Queries("live.test"); n != 1 {
		t.Errorf("%d queries of live.test, want 1", n)
	}
}
