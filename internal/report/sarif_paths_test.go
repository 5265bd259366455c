package report

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

// TestSARIFPathsRelativeToBaseDir: files are named from the repository
// root with uriBaseId, whether the command line gave them relative or
// absolute; URLs stay URLs; a finding without a line gets line 1.
func TestSARIFPathsRelativeToBaseDir(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	abs := filepath.Join(root, "public", "index.html")
	r := &Report{SchemaVersion: SchemaVersion, Tool: Tool{Name: "pagelint", Version: "0.3.0"}, Findings: []finding.Finding{
		{Rule: "link-broken", Severity: finding.Error, Message: "m", Source: abs, Line: 3, Column: 2},
		{Rule: "footer-required", Severity: finding.Error, Message: "m", Source: "public/about.html"},
		{Rule: "footer-required", Severity: finding.Error, Message: "m", Source: "https://example.com/"},
	}}
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", r, Options{BaseDir: root}), &log); err != nil {
		t.Fatal(err)
	}
	if got := log.Runs[0].ColumnKind; got != "unicodeCodePoints" {
		t.Errorf("columnKind %q", got)
	}
	want := []struct {
		uri, base string
		line      int
	}{
		{"public/index.html", "%SRCROOT%", 3}, // findings are sorted by source as given
		{"https://example.com/", "", 1},
		{"public/about.html", "%SRCROOT%", 1},
	}
	for i, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != want[i].uri || loc.ArtifactLocation.URIBaseID != want[i].base || loc.Region.StartLine != want[i].line {
			t.Errorf("result %d: uri %q base %q line %d, want %+v", i, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, loc.Region.StartLine, want[i])
		}
	}
	var cq []struct {
		Location struct{ Path string } `json:"location"`
	}
	if err := json.Unmarshal(render(t, "codeclimate", r, Options{BaseDir: root}), &cq); err != nil {
		t.Fatal(err)
	}
	if cq[0].Location.Path != "public/index.html" {
		t.Errorf("Code Quality path %q, want public/index.html", cq[0].Location.Path)
	}
}
