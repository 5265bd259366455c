package source

import (
	"net/url"
	"strings"
)

// normalizeURL gives the form under which a crawl remembers a URL, so that
// spellings of one page are fetched once: the fragment dropped, the scheme
// and host lower-cased, the default port dropped, dot segments removed, and
// an empty path made "/". The query stays as it is, since servers may read
// its order.
func normalizeURL(rawURL string) (string, error) {
	u, err := parseHTTPURL(rawURL)
	if err != nil {
		return "", err
	}
	return normalizeParsed(u), nil
}

// Origin is the origin of a URL as a crawl compares them
// ("scheme://host[:port]", normalised), or "" for a URL it would not fetch.
func Origin(rawURL string) string {
	n, err := normalizeURL(rawURL)
	if err != nil {
		return ""
	}
	return originOf(n)
}

func normalizeParsed(u *url.URL) string {
	n := *u
	n.Scheme = strings.ToLower(n.Scheme)
	host, port := strings.ToLower(n.Hostname()), n.Port()
	if (n.Scheme == "http" && port == "80") || (n.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	n.Host = host
	n.Fragment, n.RawFragment = "", ""
	// Resolving an absolute reference against nothing removes its dot segments.
	r := (&url.URL{}).ResolveReference(&n)
	if r.Path == "" {
		r.Path, r.RawPath = "/", ""
	}
	return r.String()
}

// originOf returns "scheme://host[:port]" of a normalised URL.
func originOf(normalized string) string {
	u, err := url.Parse(normalized)
	if err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
