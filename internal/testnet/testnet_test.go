//go:build unix

package testnet

import (
	"errors"
	"net"
	"syscall"
	"testing"
	"time"
)

// The address refuses every connection, and no one can listen on it.
func TestRefusingAddr(t *testing.T) {
	addr := RefusingAddr(t)
	for range 3 {
		if c, err := net.DialTimeout("tcp", addr, 5*time.Second); !errors.Is(err, syscall.ECONNREFUSED) {
			if c != nil {
				c.Close()
			}
			t.Fatalf("dial %s: %v, want connection refused", addr, err)
		}
	}
	if l, err := net.Listen("tcp", addr); err == nil {
		l.Close()
		t.Fatalf("listened on %s, which the test holds", addr)
	}
}

// A connect to the address times out: nothing refuses it, nothing answers.
func TestHangingAddr(t *testing.T) {
	addr := HangingAddr(t)
	for range 3 {
		c, err := net.DialTimeout("tcp", addr, 300*time.Millisecond)
		if c != nil {
			c.Close()
		}
		var netErr net.Error
		if !errors.As(err, &netErr) || !netErr.Timeout() {
			t.Fatalf("dial %s: %v, want a timeout", addr, err)
		}
	}
}
