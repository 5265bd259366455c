package htmltree

import "strings"

// The URLs that two attributes' values name, read as HTML's microsyntaxes
// say: a srcset's candidates, and a meta refresh's content.

// SrcsetURLs splits a srcset attribute into its URLs, following the HTML
// parsing rules in short: candidates are separated by commas, a URL ends at
// white space, and trailing commas of a URL end its candidate.
func SrcsetURLs(srcset string) []string {
	var urls []string
	s := srcset
	for {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			return urls
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		u := s[:end]
		s = s[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			urls = append(urls, trimmed)
			continue
		}
		urls = append(urls, u)
		s = skipDescriptors(s)
	}
}

// skipDescriptors skips a candidate's descriptors up to the comma that ends
// it; a comma inside parentheses belongs to the descriptor.
func skipDescriptors(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				return s[i+1:]
			}
		}
	}
	return ""
}

// RefreshTarget reads a meta refresh content for the link it makes: the
// URL browsers redirect to, or, for a content that names a URL browsers
// do not follow because its time is no number ("3x;url=target.html"),
// malformed. A content that names no URL ("30", "5; url=", "-2") makes no
// link: the page reloads itself, or nothing happens.
func RefreshTarget(content string) (url string, malformed bool) {
	if u := RefreshURL(content); u != "" {
		return u, false
	}
	i := strings.Index(strings.ToLower(content), "url=")
	return "", i >= 0 && strings.TrimSpace(strings.Trim(strings.TrimSpace(content[i+4:]), `"'`)) != ""
}

// RefreshURL returns the URL of a meta refresh content such as
// "0; url=/new/" (quotes allowed), or "" when it names none.
func RefreshURL(content string) string {
	s := strings.TrimLeft(content, " \t\n\r\f")
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return ""
	}
	s = strings.TrimLeft(s[i:], " \t\n\r\f")
	if s == "" || (s[0] != ';' && s[0] != ',') {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\r\f")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		rest := strings.TrimLeft(s[3:], " \t\n\r\f")
		if strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\r\f")
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			s = s[:j]
		}
	}
	return strings.TrimSpace(s)
}
