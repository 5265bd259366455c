package linkcheck

import (
	"errors"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// maxFragmentBody bounds what is read of a page whose anchors are needed.
const maxFragmentBody = 5 << 20

// collectAnchors returns the ids of all elements and the names of a
// elements in r; the tokenizer keeps memory flat however large the page.
func collectAnchors(r io.Reader) ([]string, error) {
	z := html.NewTokenizer(r)
	var anchors []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return anchors, err
			}
			return anchors, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			isA := string(name) == "a"
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				if k := string(key); k == "id" || (isA && k == "name") {
					if v := string(val); v != "" {
						anchors = append(anchors, v)
					}
				}
			}
		}
	}
}

// fragmentFound says whether the page with these anchors has fragment.
// The empty fragment, "top" and text fragments always scroll somewhere, as
// the HTML standard says.
func fragmentFound(anchors []string, fragment string) bool {
	if fragment == "" || strings.EqualFold(fragment, "top") || strings.HasPrefix(fragment, ":~:") {
		return true
	}
	decoded, err := url.PathUnescape(fragment)
	if err != nil {
		decoded = fragment
	}
	for _, a := range anchors {
		if a == fragment || a == decoded {
			return true
		}
	}
	return false
}

// isHTML reports whether a Content-Type names an HTML document.
func isHTML(contentType string) bool {
	ct := strings.ToLower(contentType)
	return ct == "" || strings.Contains(ct, "text/html") || strings.Contains(ct, "application/xhtml")
}
