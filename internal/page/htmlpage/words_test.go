package htmlpage

import (
	"strings"
	"testing"
)

// Page.Words counts the text a page shows of its own; KindOf (checks)
// tells a redirect stub's few words from an article by it.
func TestWords(t *testing.T) {
	tests := []struct {
		name, body string
		want       int
	}{
		{"empty body", ``, 0},
		{"stub", `<p>Redirecting…</p><p>Click <a href="/new">here</a> if you are not redirected.</p>`, 7},
		{"links and buttons are not the page's own", `<nav><a href="/">Home</a> <a href="/news">News today</a></nav><button>Open menu</button><map><area alt="Map" href="/m"></map>`, 0},
		{"what shows no text", `<script>var a = "one two"</script><style>p { color: red }</style><noscript>Enable JavaScript please</noscript><template><p>Later words</p></template>`, 0},
		{"a title in the body", `<title>Not counted</title><p>Counted</p>`, 1},
		{"punctuation alone is no word", `<p>Home | News · — … 2026 ©</p>`, 3},
		{"inline elements join", `<p>Re<b>dir</b>ecting now</p>`, 2},
		{"block elements separate", `<div>one</div><div>two</div>three`, 3},
		{"head text is no body text", `<head><title>A long title of many words</title></head><body>One</body>`, 1},
		{"scripts without spaces", `<p>東京都の天気</p>`, 6},
		{"svg text is no page text", `<svg><title>Logo of the site</title><text>Chart</text></svg><p>Two words</p>`, 2},
		{"the count stops at 100", `<p>` + strings.Repeat("word ", 150) + `</p>`, 100},
		{"hidden text counts", `<p hidden>Seen by some</p>`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.body
			if !strings.HasPrefix(src, "<head>") {
				src = "<!doctype html><html><body>" + src + "</body></html>"
			} else {
				src = "<!doctype html><html>" + src + "</html>"
			}
			if got := mustParse(t, src, Options{}).Words; got != tt.want {
				t.Errorf("Words = %d, want %d", got, tt.want)
			}
		})
	}
}
