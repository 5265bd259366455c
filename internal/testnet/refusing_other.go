//go:build !unix

package testnet

import (
	"net"
	"testing"
)

// RefusingAddr is a host:port on 127.0.0.1 where nothing listens. Without
// the sockets of Unix it is a port listened on and closed again, which
// another process could take before the test connects.
func RefusingAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
