package finding

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

func TestNewContextSortsAndDropsEmptyValues(t *testing.T) {
	for _, tt := range []struct {
		kv   []string
		want Context
	}{
		{[]string{"tag", "a", "href", "/x", "target", ""}, Context{{"href", "/x"}, {"tag", "a"}}},
		{[]string{"href", ""}, nil},
		{nil, nil},
	} {
		if got := NewContext(tt.kv...); !slices.Equal(got, tt.want) {
			t.Errorf("NewContext(%q) = %v, want %v", tt.kv, got, tt.want)
		}
	}
	if c := NewContext("menu", "Primary", "label", "Cloud"); c.Get("menu") != "Primary" || c.Get("href") != "" {
		t.Errorf("Get: %q, %q", c.Get("menu"), c.Get("href"))
	}
}

// A context is written byte for byte as the map of its fields was, by
// encoders that escape HTML's characters and by those that do not.
func TestContextJSONIsTheMapsJSON(t *testing.T) {
	m := map[string]string{"href": "/a?b=1&c=<2>", "label": "Caf\u00e9 \u2028 \"quoted\" \\ \x01", "menu": "bad \xff utf-8"}
	c := NewContext("menu", m["menu"], "href", m["href"], "label", m["label"])
	for _, escapeHTML := range []bool{true, false} {
		encode := func(v any) string {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(escapeHTML)
			enc.SetIndent("", "  ")
			if err := enc.Encode(struct {
				Context any `json:"context,omitempty"`
			}{v}); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		if got, want := encode(c), encode(m); got != want {
			t.Errorf("escapeHTML %v: got\n%s\nwant\n%s", escapeHTML, got, want)
		}
	}
	b, err := json.Marshal(c)
	var back Context
	if err != nil || json.Unmarshal(b, &back) != nil || !slices.Equal(back, NewContext("href", m["href"], "label", m["label"], "menu", "bad \ufffd utf-8")) {
		t.Errorf("read back %v from %s (%v)", back, b, err)
	}
}

func TestContextWith(t *testing.T) {
	c := NewContext("item", "privacy", "label", "Privacy").With("href", "/p", "group", "")
	want := Context{{"href", "/p"}, {"item", "privacy"}, {"label", "Privacy"}}
	if !slices.Equal(c, want) {
		t.Errorf("With gave %v, want %v", c, want)
	}
}
