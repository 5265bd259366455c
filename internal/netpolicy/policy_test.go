package netpolicy

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		ip   string
		want Class
	}{
		{"93.184.216.34", Public},
		{"2606:2800:220:1:248:1893:25c8:1946", Public},
		{"127.0.0.1", Loopback},
		{"127.8.9.10", Loopback},
		{"::1", Loopback},
		{"::ffff:127.0.0.1", Loopback},
		{"10.1.2.3", Private},
		{"172.16.0.1", Private},
		{"192.168.1.1", Private},
		{"100.64.0.1", Private},
		{"fd12:3456::1", Private},
		{"fec0::1", Private},
		{"169.254.169.254", Never},
		{"::ffff:169.254.169.254", Never},
		{"64:ff9b::a9fe:a9fe", Never}, // 169.254.169.254 through NAT64
		{"64:ff9b::7f00:1", Loopback},
		{"fe80::1", Never},
		{"0.0.0.0", Never},
		{"0.1.2.3", Never},
		{"::", Never},
		{"224.0.0.1", Never},
		{"ff02::1", Never},
		{"255.255.255.255", Never},
		{"100.100.100.200", Never},
		{"fd00:ec2::254", Never},
	}
	for _, tt := range tests {
		if got := Classify(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Classify(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	ips := []string{"8.8.8.8", "127.0.0.1", "10.0.0.1", "169.254.169.254", "0.0.0.0"}
	tests := []struct {
		loopback, private bool
		allowed           string // the ips allowed, in order
	}{
		{false, false, "8.8.8.8"},
		{true, false, "8.8.8.8 127.0.0.1"},
		{false, true, "8.8.8.8 10.0.0.1"},
		{true, true, "8.8.8.8 127.0.0.1 10.0.0.1"},
	}
	for _, tt := range tests {
		p := &Policy{AllowLoopback: tt.loopback, AllowPrivate: tt.private}
		var allowed []string
		for _, ip := range ips {
			err := p.Check(netip.MustParseAddr(ip))
			if err == nil {
				allowed = append(allowed, ip)
			} else if _, ok := IsRefused(err); !ok {
				t.Errorf("%s: error %T, want *RefusedError", ip, err)
			}
		}
		if got := strings.Join(allowed, " "); got != tt.allowed {
			t.Errorf("loopback %v, private %v: allows %q, want %q", tt.loopback, tt.private, got, tt.allowed)
		}
	}
}

func TestRefusedErrorMessage(t *testing.T) {
	p := &Policy{Resolve: fakeDNS(map[string][]string{"metadata.test": {"169.254.169.254"}})}
	err := p.CheckURL(mustURL(t, "http://metadata.test/latest/meta-data/"))
	if err == nil || err.Error() != "metadata.test (169.254.169.254) is a link-local, metadata or unspecified address: never requested" {
		t.Errorf("got %v", err)
	}
	err = p.CheckURL(mustURL(t, "http://127.0.0.1:8080/"))
	if err == nil || err.Error() != "127.0.0.1 is a loopback address: not requested" {
		t.Errorf("got %v", err)
	}
	for _, ok := range []string{"http://93.184.216.34/", "http://no-such-name.test/"} {
		if err := p.CheckURL(mustURL(t, ok)); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func TestAllowInput(t *testing.T) {
	tests := []struct {
		input             string
		loopback, private bool
	}{
		{"http://127.0.0.1:8080/", true, false},
		{"http://localhost:3000/", true, false},
		{"http://app.localhost/", true, false},
		{"http://[::1]/", true, false},
		{"http://intranet.test/", false, true},
		{"https://www.example.test/", false, false},
		{"http://169.254.169.254/", false, false},
	}
	for _, tt := range tests {
		p := &Policy{Resolve: fakeDNS(map[string][]string{"intranet.test": {"10.1.2.3"}, "www.example.test": {"93.184.216.34"}})}
		p.AllowInput(context.Background(), tt.input)
		if p.AllowLoopback != tt.loopback || p.AllowPrivate != tt.private {
			t.Errorf("%s: loopback %v private %v, want %v %v", tt.input, p.AllowLoopback, p.AllowPrivate, tt.loopback, tt.private)
		}
	}
}

// The dialled address is what is checked: a name that resolves to a
// refused address is refused, one that resolves to a refused and an
// allowed one connects to the allowed one only, and a name whose answer
// changes between two connections (DNS rebinding) is checked each time.
func TestDialChecksTheResolvedAddress(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	var rebinds atomic.Int64
	p := &Policy{AllowLoopback: true, Resolve: func(_ context.Context, host string) ([]netip.Addr, error) {
		switch host {
		case "metadata.test":
			return addrs("169.254.169.254"), nil
		case "mixed.test":
			return addrs("169.254.169.254", "10.0.0.1", "127.0.0.1"), nil
		case "rebind.test":
			if rebinds.Add(1) == 1 {
				return addrs("127.0.0.1"), nil
			}
			return addrs("169.254.169.254"), nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}}
	tr := p.Transport()
	tr.DisableKeepAlives = true // each request dials, as a later one would
	client := &http.Client{Transport: tr}
	get := func(host string) error {
		resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/")
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := get("metadata.test"); !refused(err, "169.254.169.254") {
		t.Errorf("metadata.test: %v, want refused", err)
	}
	if err := get("mixed.test"); err != nil {
		t.Errorf("mixed.test: %v, want the loopback address dialled", err)
	}
	if err := get("rebind.test"); err != nil {
		t.Errorf("rebind.test, first answer: %v", err)
	}
	if err := get("rebind.test"); !refused(err, "169.254.169.254") {
		t.Errorf("rebind.test, second answer: %v, want refused", err)
	}
	if err := get("10.0.0.1"); !refused(err, "10.0.0.1") {
		t.Errorf("10.0.0.1: %v, want refused", err)
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("%d requests reached the server, want 2", n)
	}
}

// Redirects are dialled like any request: a redirect from an allowed host
// to a refused address is refused.
func TestRedirectToRefusedAddress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/", http.StatusFound)
	}))
	defer srv.Close()
	client := &http.Client{Transport: (&Policy{AllowLoopback: true}).Transport()}
	resp, err := client.Get(srv.URL)
	if err == nil {
		resp.Body.Close()
	}
	if !refused(err, "169.254.169.254") {
		t.Fatalf("got %v, want the redirect refused", err)
	}
}

func refused(err error, addr string) bool {
	r, ok := IsRefused(err)
	return ok && r.Addr.String() == addr && !errors.Is(err, context.Canceled)
}

func addrs(ips ...string) []netip.Addr {
	out := make([]netip.Addr, len(ips))
	for i, ip := range ips {
		out[i] = netip.MustParseAddr(ip)
	}
	return out
}

func fakeDNS(names map[string][]string) func(context.Context, string) ([]netip.Addr, error) {
	return func(_ context.Context, host string) ([]netip.Addr, error) {
		if ips, ok := names[host]; ok {
			return addrs(ips...), nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Through a proxy the environment names, the request's host is checked by
// name (the proxy resolves and dials it), and the proxy itself is dialled
// whatever its address.
func TestProxy(t *testing.T) {
	var proxied []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied = append(proxied, r.URL.String())
		io.WriteString(w, "via proxy")
	}))
	defer proxy.Close()
	proxyURL := mustURL(t, proxy.URL)
	p := &Policy{
		Resolve:  fakeDNS(map[string][]string{"www.example.test": {"93.184.216.34"}, "metadata.test": {"169.254.169.254"}}),
		proxyFor: func(*http.Request) (*url.URL, error) { return proxyURL, nil },
	}
	client := &http.Client{Transport: p.Transport()}
	resp, err := client.Get("http://www.example.test/page")
	if err != nil {
		t.Fatalf("through a loopback proxy: %v", err)
	}
	resp.Body.Close()
	resp, err = client.Get("http://metadata.test/latest/")
	if err == nil {
		resp.Body.Close()
	}
	if !refused(err, "169.254.169.254") {
		t.Errorf("metadata.test through the proxy: %v, want refused", err)
	}
	if len(proxied) != 1 || proxied[0] != "http://www.example.test/page" {
		t.Errorf("the proxy saw %q", proxied)
	}
}
