package report

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

func TestReadJSONRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, siteReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(&buf, "report.json")
	if err != nil {
		t.Fatal(err)
	}
	want := siteReport()
	finding.Sort(want.Findings)
	want.Pages = nil // not part of the JSON report
	// The JSON report keeps each rule's level, not whether it is off by
	// default: a merged report lists a rule that is on.
	want.Rules = slices.Clone(want.Rules)
	for i := range want.Rules {
		want.Rules[i].Off = false
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the report:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadJSONBadInput(t *testing.T) {
	var good bytes.Buffer
	if err := WriteJSON(&good, siteReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, input, want string
	}{
		{"other schema version", strings.Replace(good.String(), `"schemaVersion": 1`, `"schemaVersion": 2`, 1),
			"report.json: schemaVersion 2 is not supported (want 1)"},
		{"truncated", good.String()[:120], "report.json: truncated or invalid JSON at offset 120"},
		{"empty", "", "report.json: truncated or invalid JSON at offset 0"},
		{"syntax error", `{"schemaVersion": 1,,}`, "report.json: truncated or invalid JSON at offset 21"},
		{"array", `[1, 2]`, "report.json: not a pagelint report"},
		{"other tool", `{"schemaVersion": 1, "tool": {"name": "eslint"}, "findings": []}`, "report.json: not a pagelint report"},
		{"no version", `{"tool": {"name": "pagelint"}, "findings": []}`, "report.json: not a pagelint report"},
		{"tool is a string", `{"schemaVersion": 1, "tool": "pagelint", "findings": []}`, "report.json: not a pagelint report"},
		{"sarif log", `{"version": "2.1.0", "runs": []}`, "report.json: not a pagelint report"},
		{"bad severity", strings.Replace(good.String(), `"severity": "warning"`, `"severity": "fatal"`, 1),
			`report.json: invalid report: unknown severity "fatal" (want error, warning, info or off)`},
		{"severity off", strings.Replace(good.String(), `"severity": "warning"`, `"severity": "off"`, 1),
			"report.json: finding 3 lacks a rule, severity, message or source"},
		{"wrong type", strings.Replace(good.String(), `"pages": 5`, `"pages": "5"`, 1),
			`report.json: "summary.pages" must be int, not string (offset 160)`},
		{"unknown field", strings.Replace(good.String(), `"pages": 5`, `"pagez": 5`, 1),
			`report.json: invalid report: json: unknown field "pagez"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tt.input), "report.json")
			if err == nil {
				t.Fatalf("ReadJSON accepted %q", tt.input)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %q\nwant %q", err, tt.want)
			}
		})
	}
}

func TestWriteJSONEmptyFindingsIsArray(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, cleanReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("findings of a clean report are not an empty array:\n%s", buf.String())
	}
	if !strings.HasSuffix(buf.String(), "}\n") {
		t.Errorf("the report does not end in a newline")
	}
}

// The JSON report, written a finding at a time, holds the bytes of the
// whole report encoded at once: with a comparison after the findings,
// rules, a shard, and messages that hold a newline and the array's key.
func TestWriteJSONStreamsTheWholeReportsBytes(t *testing.T) {
	r := siteReport()
	r.Shard = "1/2"
	r.Findings = append(r.Findings, newFinding("z.html", "link-broken", 3, "a\n  \"findings\": []\n"))
	r.Comparison = Compare(cleanReport(), r)
	var streamed, whole bytes.Buffer
	if err := WriteJSON(&streamed, r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := *r
	out.Findings = sortedFindings(r)
	out.RuleLevels = ruleLevels(r.Rules)
	if err := writeIndentedJSON(&whole, out); err != nil {
		t.Fatal(err)
	}
	if streamed.String() != whole.String() {
		t.Errorf("streamed:\n%s\nwhole:\n%s", streamed.String(), whole.String())
	}
}
