package testnet

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

// The answers a name can get besides an address.
const (
	NXDomain = "NXDOMAIN" // the name does not exist
	ServFail = "SERVFAIL" // the server failed: a temporary error
	Silence  = "SILENCE"  // no answer at all, as from a resolver that drops queries
)

// DNS is a DNS server on 127.0.0.1: it answers each query as its table
// says — a name (lower case, no final dot), or "*" for every other name, to
// NXDomain, ServFail, Silence or an IPv4 address — and counts the queries
// of each name, so that a test can see how often a name was looked up.
// Lookup resolves through it.
type DNS struct {
	conn    net.PacketConn
	answers map[string]string
	lookup  *net.Resolver

	mu      sync.Mutex
	queries map[string]int // A queries by name
}

// StartDNS serves answers until the test ends.
func StartDNS(t testing.TB, answers map[string]string) *DNS {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &DNS{conn: conn, answers: answers, queries: map[string]int{}}
	addr := conn.LocalAddr().String()
	// Go's own resolver, whatever the server the system names: the test
	// server is the only one asked.
	s.lookup = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", addr)
	}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.serve()
	}()
	t.Cleanup(func() {
		_ = conn.Close()
		<-done
	})
	return s
}

// Lookup resolves host through the server, as a netpolicy.Policy's
// Resolve.
func (s *DNS) Lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	return s.lookup.LookupNetIP(ctx, "ip", host)
}

// Queries is how many A queries of name the server answered.
func (s *DNS) Queries(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queries[name]
}

func (s *DNS) serve() {
	buf := make([]byte, 512)
	for {
		n, from, err := s.conn.ReadFrom(buf)
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			continue
		}
		if reply, ok := s.reply(buf[:n]); ok {
			_, _ = s.conn.WriteTo(reply, from)
		}
	}
}

// reply answers one query; ok is false for a packet that is none.
func (s *DNS) reply(query []byte) ([]byte, bool) {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil {
		return nil, false
	}
	q, err := p.Question()
	if err != nil {
		return nil, false
	}
	name := strings.TrimSuffix(strings.ToLower(q.Name.String()), ".")
	answer, ok := s.answers[name]
	if !ok {
		answer = s.answers["*"]
	}
	if q.Type == dnsmessage.TypeA {
		s.mu.Lock()
		s.queries[name]++
		s.mu.Unlock()
	}
	if answer == Silence {
		return nil, false
	}
	rh := dnsmessage.Header{ID: h.ID, Response: true, RecursionDesired: h.RecursionDesired, RecursionAvailable: true}
	ip, err := netip.ParseAddr(answer)
	isAddr := err == nil && ip.Is4()
	switch {
	case answer == ServFail:
		rh.RCode = dnsmessage.RCodeServerFailure
	case isAddr:
		rh.Authoritative = true
	default:
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.EnableCompression()
	if b.StartQuestions() != nil || b.Question(q) != nil || b.StartAnswers() != nil {
		return nil, false
	}
	if isAddr && q.Type == dnsmessage.TypeA {
		rr := dnsmessage.ResourceHeader{Name: q.Name, Type: dnsmessage.TypeA, Class: dnsmessage.ClassINET, TTL: 60}
		if b.AResource(rr, dnsmessage.AResource{A: ip.As4()}) != nil {
			return nil, false
		}
	}
	out, err := b.Finish()
	return out, err == nil
}
