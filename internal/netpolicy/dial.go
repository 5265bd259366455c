package netpolicy

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// DialContext returns a dial function for an http.Transport that resolves
// the host itself and connects only to the addresses the policy allows,
// trying them in turn; the connection's own Control hook checks the
// address once more, as the kernel is asked to connect. Only when every
// address is refused is the error a *RefusedError. The proxy the
// environment names (see Proxy) is dialled whatever its address: the user
// chose it, and it resolves the names itself.
func (p *Policy) DialContext(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	checked := *d
	checked.Control = func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return err
		}
		return p.Check(ap.Addr())
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if _, isProxy := p.proxies.Load(addr); isProxy {
			return d.DialContext(ctx, network, addr)
		}
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		addrs, err := p.resolve(ctx, host)
		if err != nil {
			return nil, err
		}
		var refused, failed error
		for _, a := range addrs {
			if err := p.Check(a); err != nil {
				if refused == nil {
					refused = withHost(err, host)
				}
				continue
			}
			conn, err := checked.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
			if err == nil {
				return conn, nil
			}
			if failed == nil {
				failed = err
			}
		}
		if failed != nil {
			return nil, failed
		}
		if refused == nil {
			refused = &net.DNSError{Err: "no address", Name: host, IsNotFound: true}
		}
		return nil, refused
	}
}

func withHost(err error, host string) error {
	var r *RefusedError
	if errors.As(err, &r) {
		r.Host = host
	}
	return err
}

// Proxy is an http.Transport's Proxy: the proxy the environment names
// (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), after checking the request's host
// by name, since the proxy, not pagelint, will resolve and dial it.
func (p *Policy) Proxy(req *http.Request) (*url.URL, error) {
	proxyFor := p.proxyFor
	if proxyFor == nil {
		proxyFor = http.ProxyFromEnvironment
	}
	proxy, err := proxyFor(req)
	if err != nil || proxy == nil {
		return proxy, err
	}
	if err := p.checkHost(req.Context(), req.URL.Hostname()); err != nil {
		return nil, err
	}
	p.proxies.Store(HostPort(proxy), true)
	return proxy, nil
}

// HostPort is the host:port a client dials for u: its port, else its
// scheme's (http, https, ws, wss, socks5).
func HostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// Transport is a transport like http.DefaultTransport whose connections
// keep to the policy.
func (p *Policy) Transport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = p.Proxy
	t.DialContext = p.DialContext(&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second})
	return t
}

// IsRefused reports whether err, or what it wraps, is the policy's refusal.
func IsRefused(err error) (*RefusedError, bool) {
	var r *RefusedError
	ok := errors.As(err, &r)
	return r, ok
}
