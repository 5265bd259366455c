package finding

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
)

func TestSeverityNames(t *testing.T) {
	for _, tt := range []struct {
		name string
		sev  Severity
		ok   bool
	}{
		{"error", Error, true}, {"warning", Warning, true}, {"info", Info, true}, {"off", Off, true},
		{"", Unset, false}, {"fatal", Unset, false}, {"Error", Unset, false},
	} {
		got, err := ParseSeverity(tt.name)
		if got != tt.sev || (err == nil) != tt.ok {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", tt.name, got, err, tt.sev)
		}
		if !tt.ok {
			continue
		}
		b, err := json.Marshal(tt.sev)
		var back Severity
		if err != nil || json.Unmarshal(b, &back) != nil || back != tt.sev || tt.sev.String() != tt.name {
			t.Errorf("%v: JSON %s, read back %v (%v)", tt.sev, b, back, err)
		}
	}
	if Severity(42).String() != "" {
		t.Error("an unknown severity has a name")
	}
}

// Reports list findings by source, line, column and rule; the rest only
// makes the order total, the stronger severity first.
func TestSort(t *testing.T) {
	f := []Finding{
		{Source: "b.html", Line: 1, Rule: "a"},
		{Source: "a.html", Line: 9, Column: 2, Rule: "b"},
		{Source: "a.html", Line: 9, Column: 2, Rule: "a", Message: "y"},
		{Source: "a.html", Line: 9, Column: 2, Rule: "a", Message: "x", Severity: Warning},
		{Source: "a.html", Line: 9, Column: 2, Rule: "a", Message: "x", Severity: Error},
		{Source: "a.html", Line: 10, Column: 1, Rule: "a"},
		{Source: "a.html", Line: 9, Column: 1, Rule: "z"},
	}
	want := []Finding{f[6], f[4], f[3], f[2], f[1], f[5], f[0]}
	Sort(f)
	if !slices.EqualFunc(f, want, func(a, b Finding) bool { return Compare(a, b) == 0 }) {
		t.Errorf("Sort = %+v\nwant %+v", f, want)
	}
}

// Append keeps the order of its two lists whichever it grows, and moves the
// shorter into the longer's spare room rather than copying both.
func TestAppendKeepsOrder(t *testing.T) {
	mk := func(n int, prefix string, spare int) []Finding {
		out := make([]Finding, n, n+spare)
		for i := range out {
			out[i].Message = prefix + strconv.Itoa(i)
		}
		return out
	}
	messages := func(fs []Finding) (m []string) {
		for _, f := range fs {
			m = append(m, f.Message)
		}
		return m
	}
	for _, tt := range []struct {
		name        string
		first, more []Finding
		intoMore    bool
	}{
		{"first empty", nil, mk(3, "b", 0), true},
		{"more longer with room", mk(2, "a", 0), mk(5, "b", 2), true},
		{"more longer without room", mk(2, "a", 0), mk(5, "b", 1), false},
		{"first longer", mk(5, "a", 3), mk(2, "b", 4), false},
		{"more empty", mk(2, "a", 0), nil, false},
	} {
		want := append(messages(tt.first), messages(tt.more)...)
		moreArray := tt.more[:cap(tt.more)]
		got := Append(tt.first, tt.more)
		if !slices.Equal(messages(got), want) {
			t.Errorf("%s: got %q, want %q", tt.name, messages(got), want)
		}
		if len(got) > 0 && len(moreArray) > 0 && (&got[0] == &moreArray[0]) != tt.intoMore {
			t.Errorf("%s: in more's array %v, want %v", tt.name, &got[0] == &moreArray[0], tt.intoMore)
		}
	}
}
