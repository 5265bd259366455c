package page

import "testing"

func TestContainsFold(t *testing.T) {
	for _, tt := range []struct {
		s, word string
		want    bool
	}{
		{"© 2024 Contoso. COPYRIGHT", "copyright", true},
		{"Copyright policy", "copyright", true},
		{"copyrigh", "copyright", false},
		{"", "copyright", false},
		{`<link REL="Canonical" href="/">`, "canonical", true},
		{"<BASE href=/>", "<base", true},
		{"<bas", "<base", false},
		{`<meta property="og:URL">`, "og:url", true},
		{"og;url", "og:url", false},
		{"Ogg:url og:ur", "og:url", false},
		{"cANONICAL", "canonical", true},
	} {
		if got := ContainsFold(tt.s, tt.word); got != tt.want {
			t.Errorf("ContainsFold(%q, %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
		if got := ContainsFold([]byte(tt.s), tt.word); got != tt.want {
			t.Errorf("ContainsFold([]byte(%q), %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
	}
}
