package finding

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
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

// A context's JSON is byte for byte what encoding/json writes for the map of
// its fields (without HTML escaping, which is the calling encoder's), and
// so is a severity's for its name.
func FuzzContextJSON(f *testing.F) {
	f.Add("href", "/a?b=1&c=<2>", "label", "Caf\u00e9 \u2028\u2029 \"quoted\" \\ \x00\x01\b\f\t\r\n\x1f\x7f", "menu", "bad \xff utf-8 \xe2\x80")
	f.Add("", "", "k\xc0", "\xed\xa0\x80 \U0001F600", "k", "")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, k3, v3 string) {
		c := NewContext(k1, v1, k2, v2, k3, v3)
		m := make(map[string]string, len(c))
		for _, f := range c {
			m[f.Key] = f.Value
		}
		got, err := c.MarshalJSON()
		if want := encodeNoHTMLEscape(t, m); err != nil || string(got) != want {
			t.Fatalf("got %s (%v), want %s", got, err, want)
		}
		s := Severity(len(k1) % 6)
		sev, err := s.MarshalJSON()
		if want := encodeNoHTMLEscape(t, s.String()); err != nil || string(sev) != want {
			t.Fatalf("severity %d: got %s (%v), want %s", s, sev, err, want)
		}
	})
}

func encodeNoHTMLEscape(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
