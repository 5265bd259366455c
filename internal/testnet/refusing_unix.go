//go:build unix

package testnet

import (
	"net"
	"strconv"
	"syscall"
	"testing"
)

// RefusingAddr is a host:port on 127.0.0.1 that refuses connections until
// the test ends. It is held by a TCP socket that is bound but never
// listens: the kernel answers a connection to a port without a listener
// with a reset, and no other socket can bind the port while this one holds
// it without SO_REUSEADDR. A port listened on and closed again could be
// taken by another process before the test connects.
func RefusingAddr(t testing.TB) string {
	t.Helper()
	_, addr := loopbackSocket(t)
	return addr
}

// loopbackSocket is a TCP socket bound to a free port of 127.0.0.1, closed
// when the test ends, and its host:port.
func loopbackSocket(t testing.TB) (int, string) {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatalf("socket: %v", err)
	}
	syscall.CloseOnExec(fd)
	t.Cleanup(func() { _ = syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatalf("bind: %v", err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatalf("getsockname: %v", err)
	}
	return fd, net.JoinHostPort("127.0.0.1", strconv.Itoa(sa.(*syscall.SockaddrInet4).Port))
}
