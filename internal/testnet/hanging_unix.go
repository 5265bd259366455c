//go:build unix

package testnet

import (
	"errors"
	"net"
	"syscall"
	"testing"
	"time"
)

// HangingAddr is a host:port on 127.0.0.1 whose TCP connects hang until the
// dialer gives up, as behind a firewall that drops packets: no byte ever
// comes back. It is a socket that listens with a backlog of 0 and never
// accepts; its accept queue is filled by connections held until the test
// ends, and the kernel then drops every further SYN (a full accept queue
// is no reason to refuse). A socket that is not listening would refuse.
func HangingAddr(t testing.TB) string {
	t.Helper()
	fd, addr := loopbackSocket(t)
	if err := syscall.Listen(fd, 0); err != nil {
		t.Fatalf("listen: %v", err)
	}
	// The kernel takes a connection or two into the queue of a backlog of
	// 0; the first connect that does not complete shows it full.
	for range 8 {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			return addr
		}
		if err != nil {
			t.Fatalf("filling the accept queue of %s: %v", addr, err)
		}
		t.Cleanup(func() { _ = c.Close() })
	}
	t.Fatalf("%s still accepts connections after 8: its queue does not fill", addr)
	return ""
}
