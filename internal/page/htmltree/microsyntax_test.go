package htmltree

import (
	"strings"
	"testing"
)

func TestSrcset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.png", "a.png"},
		{"a.png 1x, b.png 2x", "a.png|b.png"},
		{" a.png  480w ,b.png 800w ", "a.png|b.png"},
		{"a.png,b.png", "a.png,b.png"},
		{"a.png, b.png", "a.png|b.png"},
		{"a.png 1x,, b.png", "a.png|b.png"},
		{"data:image/png;base64,AAA 1x, b.png 2x", "data:image/png;base64,AAA|b.png"},
		{"a.png (max-width: 1px, 2px) 1x, b.png", "a.png|b.png"},
		{"", ""},
		{" , ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(SrcsetURLs(tt.in), "|"); got != tt.want {
			t.Errorf("srcset %q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0; url=/new/", "/new/"},
		{"0;URL='/q.html'", "/q.html"},
		{`5, url="x y.html"`, "x y.html"},
		{"0; /direct.html", "/direct.html"},
		{"3", ""},
		{"url=/x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := RefreshURL(tt.in); got != tt.want {
			t.Errorf("refresh %q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRefreshTarget(t *testing.T) {
	for _, tt := range []struct {
		in, url   string
		malformed bool
	}{
		{"3;url=nope.html", "nope.html", false},
		{"0; URL='old.html#part'", "old.html#part", false},
		{"3x;url=target.html", "", true}, // browsers stop at the "x": no redirect
		{"url=/x", "", true},
		{"30", "", false},      // a reload
		{"5; url=", "", false}, // a reload too
		{"-2", "", false},      // nothing at all
		{"", "", false},
	} {
		url, malformed := RefreshTarget(tt.in)
		if url != tt.url || malformed != tt.malformed {
			t.Errorf("RefreshTarget(%q) = %q, %v; want %q, %v", tt.in, url, malformed, tt.url, tt.malformed)
		}
	}
}
