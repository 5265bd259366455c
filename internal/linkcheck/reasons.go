package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pagelint/pagelint/internal/netpolicy"
)

// failure is a request that got no HTTP answer, classified once so that the
// reason and the retry decision agree.
type failure struct {
	reason    string
	retryable bool
	timeout   bool
	closed    bool // the server closed or reset the connection
	// gaveUp: no answer came within the try's patience, shorter than the
	// timeout (see hostState.patience); a retry always follows.
	gaveUp bool
	// aborted: the run's deadline or cancellation stopped the request
	// before it was sent, so nothing is known of the URL.
	aborted bool
	// refused: the network policy refused the address (see
	// Options.Policy), so the URL is not checked.
	refused bool
	// host: the failure is the host's, not the URL's — its name did not
	// resolve (dns), none of its addresses could be reached, or no
	// connection to any of them was made within the timeout (connect; see
	// reach).
	host, dns, connect bool
}

// connectTimedOut is the failure of a request that timed out before a TCP
// connection to any address of its host was made: the host's, as it
// would be for every URL of it.
func connectTimedOut() failure {
	return failure{reason: "connection timed out", retryable: true, timeout: true, host: true, connect: true}
}

// dnsFailed starts the reason of a failed lookup.
const dnsFailed = "DNS lookup failed: "

// classify says why a round trip failed, in the words a user can act on.
func classify(err error, timeout time.Duration) failure {
	var (
		dnsErr   *net.DNSError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		alert    tls.AlertError
		netErr   net.Error
		urlError *url.Error
	)
	if refused, ok := netpolicy.IsRefused(err); ok {
		return failure{reason: refused.Error(), refused: true}
	}
	switch {
	case errors.As(err, &dnsErr):
		what := dnsErr.Err
		if dnsErr.IsNotFound {
			what = "no such host"
		}
		return failure{reason: dnsFailed + what, retryable: dnsErr.IsTimeout || dnsErr.IsTemporary, host: true, dns: true}
	case errors.As(err, &verify):
		return failure{reason: "TLS certificate error: " + verify.Err.Error()}
	case errors.As(err, &unknown), errors.As(err, &hostErr), errors.As(err, &invalid):
		return failure{reason: "TLS certificate error: " + innermost(err).Error()}
	case errors.As(err, &record), errors.As(err, &alert):
		return failure{reason: "TLS handshake failed: " + innermost(err).Error()}
	case errors.Is(err, syscall.ECONNREFUSED):
		return failure{reason: "connection refused"}
	case errors.Is(err, syscall.ECONNRESET):
		return failure{reason: "connection reset by server", retryable: true, closed: true}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return failure{reason: "timeout after " + timeout.String(), retryable: true, timeout: true}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return failure{reason: "connection closed by server", retryable: true, closed: true}
	case errors.Is(err, syscall.ENETUNREACH):
		return failure{reason: "network unreachable", host: true}
	case errors.Is(err, syscall.EHOSTUNREACH):
		return failure{reason: "host unreachable", host: true}
	}
	if errors.As(err, &urlError) {
		err = urlError.Err
	}
	return failure{reason: err.Error()}
}

// innermost unwraps err down to its first cause.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// statusReason is "404 Not Found", or the bare code for codes with no name.
func statusReason(code int) string {
	if text := http.StatusText(code); text != "" {
		return fmt.Sprintf("%d %s", code, text)
	}
	return strconv.Itoa(code)
}

// retryableStatus: answers that another try may well turn into a success.
func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500 && code != http.StatusNotImplemented
}

// getOnHead: HEAD answers that many servers give although GET would work.
func getOnHead(code int) bool {
	switch code {
	case http.StatusMethodNotAllowed, http.StatusForbidden, http.StatusBadRequest,
		http.StatusNotFound, http.StatusNotImplemented:
		return true
	}
	return false
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
// ok is false when the header is missing or unreadable.
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(value); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	when, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	d := when.Sub(now)
	if d < 0 {
		d = 0
	}
	return d, true
}
