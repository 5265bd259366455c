package accname

import (
	"strings"
	"testing"
)

// Words counts the text a page shows of its own, past the elements that
// are no text of it (the model's tests hold what a page's count is for).
func TestWords(t *testing.T) {
	tests := []struct {
		body string
		want int
	}{
		{``, 0},
		{`<p>One two</p><nav><a href=/>Not counted</a></nav>`, 2},
		{`<p>Re<b>dir</b>ecting</p><div>a</div><div>b</div>`, 3},
		{`<p>| · … 2026</p>`, 1},
		{`<p>東京</p>`, 2},
		{`<p>` + strings.Repeat("w ", 200) + `</p>`, maxWords},
	}
	for _, tt := range tests {
		if got := namerOf(`<body>` + tt.body).Words(); got != tt.want {
			t.Errorf("%.40q: %d words, want %d", tt.body, got, tt.want)
		}
	}
	if got := namerOf(`<frameset><frame src=a></frameset>`).Words(); got != 0 {
		t.Errorf("a frameset: %d words", got)
	}
}
