// Package netpolicy decides which network addresses pagelint may connect
// to. A page in a pull request is untrusted input, and pagelint runs in CI
// next to cloud metadata services and internal hosts: without a policy, a
// link (or a redirect, or a DNS answer) to http://169.254.169.254/ would
// make pagelint fetch the machine's credentials, and a report could carry
// what it found.
//
// The policy is checked on the address that is dialled, after the name is
// resolved, for every connection: the first request of a URL, each
// redirect hop, and a name whose DNS answer changes between two requests
// (DNS rebinding) alike. See docs/SECURITY.md.
package netpolicy

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Class is what kind of address an IP is, for the policy.
type Class int

// The classes, from the most to the least reachable.
const (
	Public   Class = iota
	Private        // RFC 1918, RFC 6598 shared, RFC 4193 unique local
	Loopback       // 127.0.0.0/8, ::1
	// Never: unspecified (0.0.0.0 reaches the machine itself), link-local
	// (169.254.169.254 is where cloud metadata lives), multicast and
	// broadcast, and the metadata addresses of clouds that put them
	// elsewhere. No flag allows them.
	Never
)

func (c Class) String() string {
	switch c {
	case Private:
		return "private"
	case Loopback:
		return "loopback"
	case Never:
		return "link-local, metadata or unspecified"
	}
	return "public"
}

var (
	sharedNAT = netip.MustParsePrefix("100.64.0.0/10")
	thisNet   = netip.MustParsePrefix("0.0.0.0/8")
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	siteLocal = netip.MustParsePrefix("fec0::/10")
	// metadata are cloud metadata services outside link-local space:
	// Alibaba's and AWS's IPv6 one.
	metadata = []netip.Addr{netip.MustParseAddr("100.100.100.200"), netip.MustParseAddr("fd00:ec2::254")}
)

// Classify says what kind of address ip is. An IPv4 address written as
// IPv6 (::ffff:a.b.c.d, or in the NAT64 prefix 64:ff9b::/96) is the IPv4
// address it carries.
func Classify(ip netip.Addr) Class {
	ip = ip.Unmap()
	if ip.Is6() && nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	for _, m := range metadata {
		if ip == m {
			return Never
		}
	}
	switch {
	case !ip.IsValid(), ip.IsUnspecified(), thisNet.Contains(ip), ip.IsLinkLocalUnicast(),
		ip.IsMulticast(), ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return Never
	case ip.IsLoopback():
		return Loopback
	case ip.IsPrivate(), sharedNAT.Contains(ip), siteLocal.Contains(ip):
		return Private
	}
	return Public
}

// Policy says which classes of address may be dialled. Public addresses
// always may, Never addresses never do. The zero Policy allows public
// addresses only.
type Policy struct {
	AllowLoopback bool
	AllowPrivate  bool

	// Resolve looks a host name up; nil means the system's resolver.
	// Tests give their own.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)

	// proxyFor names the proxy of a request; nil means the environment's
	// (http.ProxyFromEnvironment). Tests give their own.
	proxyFor func(*http.Request) (*url.URL, error)
	proxies  sync.Map // host:port of the proxies in use → true
}

// WithResolve is a copy of p that looks host names up with resolve, for a
// client that asks each name once (the link checker shares one lookup
// among the requests of a host, and keeps a name that does not exist).
// IP literals and localhost are still p's to resolve, whatever resolve
// says.
func (p *Policy) WithResolve(resolve func(ctx context.Context, host string) ([]netip.Addr, error)) *Policy {
	return &Policy{AllowLoopback: p.AllowLoopback, AllowPrivate: p.AllowPrivate, Resolve: resolve, proxyFor: p.proxyFor}
}

// LookupName looks a host name up as DialContext does when it is no IP
// literal and not localhost: with Resolve, else the system's resolver.
func (p *Policy) LookupName(ctx context.Context, host string) ([]netip.Addr, error) {
	if p.Resolve != nil {
		return p.Resolve(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// RefusedError is a connection the policy did not allow.
type RefusedError struct {
	Host  string // as the URL names it
	Addr  netip.Addr
	Class Class
}

func (e *RefusedError) Error() string {
	what := e.Addr.String()
	if e.Host != "" && e.Host != what {
		what = e.Host + " (" + what + ")"
	}
	switch e.Class {
	case Never:
		return fmt.Sprintf("%s is a %s address: never requested", what, e.Class)
	default:
		return fmt.Sprintf("%s is a %s address: not requested", what, e.Class)
	}
}

// Check says whether ip may be dialled: nil, or a *RefusedError.
func (p *Policy) Check(ip netip.Addr) error {
	c := Classify(ip)
	switch {
	case c == Public, c == Loopback && p.AllowLoopback, c == Private && p.AllowPrivate:
		return nil
	}
	return &RefusedError{Addr: ip.Unmap(), Class: c}
}

// CheckURL says whether the policy allows every address the URL's host
// resolves to. It is the policy for a client that resolves names itself,
// such as Chromium's request interception: plug in policy.CheckURL as a
// func(*url.URL) error. It waits at most 10s for the name to resolve (see
// checkHost).
// Since the client resolves the name again, this check cannot stop DNS
// rebinding: only DialContext can (--render dials the browser's
// connections with it, in a proxy).
func (p *Policy) CheckURL(u *url.URL) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return p.checkHost(ctx, u.Hostname())
}

// checkHost says whether the policy allows every address host resolves
// to, for a client that dials it by name (a proxy, a browser); a name
// that does not resolve is allowed, as the request fails anyway.
func (p *Policy) checkHost(ctx context.Context, host string) error {
	addrs, err := p.resolve(ctx, host)
	if err != nil {
		return nil //nolint:nilerr // no address, no connection to refuse
	}
	for _, a := range addrs {
		if err := p.Check(a); err != nil {
			return withHost(err, host)
		}
	}
	return nil
}

// AllowInput allows the class of address an input URL's host is on,
// loopback or private: a run whose input is http://127.0.0.1:8080/ lints
// a local site, and may check its links to loopback addresses.
func (p *Policy) AllowInput(ctx context.Context, rawURL string) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return
	}
	addrs, err := p.resolve(ctx, u.Hostname())
	if err != nil {
		return
	}
	for _, a := range addrs {
		switch Classify(a) {
		case Loopback:
			p.AllowLoopback = true
		case Private:
			p.AllowPrivate = true
		}
	}
}

// resolve looks a host up: an IP literal is itself, "localhost" and names
// under it are loopback (RFC 6761), whatever DNS says.
func (p *Policy) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return []netip.Addr{ip}, nil
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.IPv6Loopback()}, nil
	}
	return p.LookupName(ctx, host)
}
