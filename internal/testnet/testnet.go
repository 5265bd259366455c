// Package testnet gives tests addresses on 127.0.0.1 that behave in a known
// way whatever else runs on the machine, and a DNS server there (StartDNS).
package testnet

import "testing"

// RefusedURL is an http:// URL on 127.0.0.1 that refuses connections until
// the test ends (see RefusingAddr).
func RefusedURL(t testing.TB) string {
	t.Helper()
	return "http://" + RefusingAddr(t) + "/"
}
