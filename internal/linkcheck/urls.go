package linkcheck

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"

	"github.com/pagelint/pagelint/internal/urlnorm"
)

// schemeOf returns the lower-cased scheme of raw, "" when it has none.
func schemeOf(raw string) string {
	raw = strings.TrimSpace(raw)
	i := strings.IndexByte(raw, ':')
	if i <= 0 {
		return ""
	}
	s := raw[:i]
	for j, c := range s {
		letter := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (j == 0 || (c < '0' || c > '9') && c != '+' && c != '-' && c != '.') {
			return ""
		}
	}
	return strings.ToLower(s)
}

// CheckSyntax checks what can be checked of a URL without the network: the
// address syntax of mailto: and tel: links and that an http(s) URL parses.
// Other schemes are not checked (nil); the Checker reports them Skipped.
func CheckSyntax(raw string) error {
	switch schemeOf(raw) {
	case "mailto":
		return checkMailto(raw)
	case "tel":
		return checkTel(raw)
	case "http", "https":
		if _, err := urlnorm.Parse(raw); err != nil {
			return fmt.Errorf("malformed URL: %w", err)
		}
	}
	return nil
}

func checkMailto(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return fmt.Errorf("malformed mailto link %q", raw)
	}
	addrs := u.Opaque
	if addrs == "" {
		addrs = u.Path
	}
	dec, err := url.PathUnescape(addrs)
	if err != nil {
		return badEscape(addrs)
	}
	list := splitAddresses(dec)
	// RFC 6068 allows the addresses in a "to" header field instead.
	query := u.Query()
	for _, to := range query["to"] {
		list = append(list, splitAddresses(to)...)
	}
	if len(list) == 0 {
		// RFC 6068 also lets the reader choose whom to write to: a link
		// with a body and no address is a "share by e-mail" link.
		if strings.TrimSpace(query.Get("body")) != "" {
			return nil
		}
		return errors.New("mailto link has no address")
	}
	for _, a := range list {
		if err := checkEmail(a); err != nil {
			return err
		}
	}
	return nil
}

// badEscape names the first %-escape of s that is not one.
func badEscape(s string) error {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return fmt.Errorf("invalid %%-escape %q", s[i:min(i+3, len(s))])
		}
	}
	return fmt.Errorf("malformed mailto link %q", s)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func splitAddresses(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

var domainPattern = regexp.MustCompile(`^(?i:[a-z0-9\p{L}](?:[a-z0-9\p{L}-]*[a-z0-9\p{L}])?)(?:\.(?i:[a-z0-9\p{L}](?:[a-z0-9\p{L}-]*[a-z0-9\p{L}])?))+$`)

func checkEmail(a string) error {
	parsed, err := mail.ParseAddress(a)
	if err != nil || parsed.Address != a {
		return fmt.Errorf("invalid email address %q", a)
	}
	at := strings.LastIndexByte(a, '@')
	if domain := a[at+1:]; !domainPattern.MatchString(domain) {
		return fmt.Errorf("invalid email address %q: bad domain %q", a, domain)
	}
	return nil
}

// telVisual are the visual separators RFC 3966 allows between digits.
var telVisual = strings.NewReplacer("-", "", ".", "", "(", "", ")", "", " ", "", "%20", "")

var telPattern = regexp.MustCompile(`^\+?[0-9]{3,}(;[A-Za-z0-9-]+(=[^;]*)?)*$`)

func checkTel(raw string) error {
	number := strings.TrimSpace(raw)[len("tel:"):]
	if !telPattern.MatchString(telVisual.Replace(number)) {
		return fmt.Errorf("invalid telephone number %q", number)
	}
	return nil
}
