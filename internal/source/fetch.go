package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	// DefaultMaxSize is the page size limit when FetchOptions.MaxSize is 0.
	DefaultMaxSize = 50 << 20
	// DefaultTimeout bounds one fetch, body included, when FetchOptions.Timeout is 0.
	DefaultTimeout = 30 * time.Second
	// DefaultUserAgent is sent when FetchOptions.UserAgent is empty.
	DefaultUserAgent = "pagelint (+https://github.com/pagelint/pagelint)"

	maxRedirects = 10
)

// FetchOptions tunes how pages are fetched over HTTP.
type FetchOptions struct {
	UserAgent string        // "" = DefaultUserAgent
	Timeout   time.Duration // the whole fetch, body included; 0 = DefaultTimeout
	MaxSize   int64         // body size limit; 0 = DefaultMaxSize, < 0 = none
	Client    *http.Client  // nil = a client of its own; its redirect policy is replaced
}

// Document is a fetched page.
type Document struct {
	URL         string // final, after redirects: the base for relative links
	Body        []byte
	ContentType string // as the server sent it, or sniffed when it sent none
	Status      int
}

// ErrNotHTML is wrapped with the content type: "not an HTML page (image/png)".
var ErrNotHTML = errors.New("not an HTML page")

// StatusError is an HTTP answer that is not a page: its message is the
// status line, "404 Not Found".
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return e.Status }

var defaultClient = &http.Client{}

// Fetch gets one HTML page. Redirects are followed (at most 10); a 4xx or 5xx
// answer is a *StatusError; a response that is not HTML (text/html,
// application/xhtml+xml, or sniffed as HTML when the server names no type)
// wraps ErrNotHTML, and is refused before its body is read. Errors name no
// URL, so that the caller can prefix the one it asked for.
func Fetch(ctx context.Context, rawURL string, opt FetchOptions) (*Document, error) {
	return fetch(ctx, rawURL, opt, true)
}

func fetch(ctx context.Context, rawURL string, opt FetchOptions, wantHTML bool) (*Document, error) {
	u, err := parseHTTPURL(rawURL)
	if err != nil {
		return nil, err
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	reqCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// explain turns the transport's errors into one line without the URL.
	explain := func(err error) error {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf("no complete answer within %s", timeout)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			return ue.Err
		}
		return err
	}

	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	if wantHTML {
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	}
	client := opt.Client
	if client == nil {
		client = defaultClient
	}
	c := *client
	c.CheckRedirect = checkRedirect
	resp, err := c.Do(req)
	if err != nil {
		return nil, explain(err)
	}
	defer func() { _ = resp.Body.Close() }()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		status := resp.Status
		if status == "" {
			status = fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
		}
		return nil, &StatusError{Code: resp.StatusCode, Status: status}
	}
	contentType := resp.Header.Get("Content-Type")
	if wantHTML && contentType != "" {
		if mt := mediaType(contentType); !isHTMLType(mt) {
			return nil, fmt.Errorf("%w (%s)", ErrNotHTML, mt)
		}
	}
	maxSize := opt.MaxSize
	if maxSize == 0 {
		maxSize = DefaultMaxSize
	}
	var body []byte
	if maxSize > 0 {
		if resp.ContentLength > maxSize {
			return nil, sizeError(resp.ContentLength, maxSize)
		}
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxSize+1))
		if err == nil && int64(len(body)) > maxSize {
			return nil, sizeError(-1, maxSize)
		}
	} else {
		body, err = io.ReadAll(resp.Body)
	}
	if err != nil {
		return nil, explain(err)
	}
	if contentType == "" {
		contentType = http.DetectContentType(body)
		if wantHTML && !sniffedHTML(contentType, body) {
			return nil, fmt.Errorf("%w (%s)", ErrNotHTML, mediaType(contentType))
		}
	}
	return &Document{URL: resp.Request.URL.String(), Body: body, ContentType: contentType, Status: resp.StatusCode}, nil
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("redirect loop at %q", req.URL.String())
		}
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	return nil
}

// parseHTTPURL accepts absolute http and https URLs only.
func parseHTTPURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL %q: %w", rawURL, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		if scheme == "" {
			return nil, fmt.Errorf("invalid URL %q: not absolute", rawURL)
		}
		return nil, fmt.Errorf("unsupported URL scheme %q (want http or https)", u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("invalid URL %q: no host", rawURL)
	}
	return u, nil
}

func mediaType(contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// sniffedHTML reads the type that http.DetectContentType found; XHTML sniffs
// as XML, so an XML document with an <html element counts too.
func sniffedHTML(sniffed string, body []byte) bool {
	switch mediaType(sniffed) {
	case "text/html":
		return true
	case "text/xml", "application/xml":
		head := body[:min(len(body), 4096)]
		return bytes.Contains(bytes.ToLower(head), []byte("<html"))
	}
	return false
}

func httpStatusText(code int) string { return http.StatusText(code) }
