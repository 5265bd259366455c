package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/xeipuuv/gojsonschema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// noEnv keeps the tests from reading the real environment (a CI job on
// GitHub has GITHUB_STEP_SUMMARY set).
func noEnv(string) string { return "" }

type goldenVariant struct {
	format string
	suffix string
	opt    Options
}

var goldenVariants = []goldenVariant{
	{"text", "txt", Options{}},
	{"text", "color.txt", Options{Color: true}},
	{"text", "quiet.txt", Options{Quiet: true}},
	{"json", "json", Options{}},
	{"sarif", "sarif", Options{}},
	{"junit", "junit.xml", Options{}},
	{"github", "github.txt", Options{}},
	{"codeclimate", "codeclimate.json", Options{}},
	{"markdown", "md", Options{}},
	{"html", "html", Options{}},
}

var goldenReports = map[string]func() *Report{"site": siteReport, "clean": cleanReport, "unchecked": uncheckedReport, "saved": savedReport,
	"interrupted": interruptedReport, "interrupted-clean": interruptedCleanReport, "no-network": noNetworkReport}

// savedReport is a clean offline run over saved pages: some links were left
// to the network, some had no origin to be asked at.
func savedReport() *Report {
	r := cleanReport()
	r.Summary.LinksOffline = 8
	r.Summary.LinksUnresolved = 7
	return r
}

// uncheckedReport is a clean run whose links.deadline passed before every
// external URL was asked, and that linted no home page for its home-page
// items.
func uncheckedReport() *Report {
	r := cleanReport()
	r.Summary.Offline = false
	r.Summary.LinksUnchecked = 3
	r.Summary.HomeItemsSkipped = []string{"us-opt-out", "us-privacy-policy"}
	return r
}

// noNetworkReport is a clean run that could reach no external host: its
// external links are not checked, and say so, not broken.
func noNetworkReport() *Report {
	r := cleanReport()
	r.Summary.Offline = false
	r.Summary.LinksUnchecked = 10209
	r.Summary.NoNetwork = true
	return r
}

// interruptedReport is a run with findings that a signal stopped during its
// external link checks; interruptedCleanReport one that had found nothing
// by then. Neither may read as a pass.
func interruptedReport() *Report {
	r := siteReport()
	r.Summary.Interrupted = true
	r.Summary.LinksUnchecked = 12
	return r
}

func interruptedCleanReport() *Report {
	r := uncheckedReport()
	r.Summary.Interrupted = true
	return r
}

func TestGolden(t *testing.T) {
	for name, mk := range goldenReports {
		for _, v := range goldenVariants {
			t.Run(name+"."+v.suffix, func(t *testing.T) {
				v.opt.Getenv = noEnv
				got := render(t, v.format, mk(), v.opt)
				if again := render(t, v.format, mk(), v.opt); !bytes.Equal(got, again) {
					t.Fatalf("two renderings of one report differ")
				}
				checkGolden(t, filepath.Join("testdata", "golden", name+"."+v.suffix), got)
			})
		}
	}
}

func render(t *testing.T, format string, r *Report, opt Options) []byte {
	t.Helper()
	w, ok := Lookup(format)
	if !ok {
		t.Fatalf("Lookup(%q) found no writer", format)
	}
	var buf bytes.Buffer
	if err := w(&buf, r, opt); err != nil {
		t.Fatalf("%s writer: %v", format, err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		testfs.WriteFile(t, path, string(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update if the change is intended)\n--- got:\n%s", path, got)
	}
}

func TestGoldenJSONMatchesReportSchema(t *testing.T) {
	validateGoldens(t, "../../schema/report.schema.json", "*.json", "codeclimate")
}

// TestGoldenSARIFMatchesOfficialSchema validates the SARIF goldens against
// the official SARIF 2.1.0 schema, which .ci/run takes from the npm registry
// (package @microsoft/jest-sarif ships it) and names in
// PAGELINT_SARIF_SCHEMA; the schema is not kept in this repository. Without
// it, a reconstruction in testdata stands in.
func TestGoldenSARIFMatchesOfficialSchema(t *testing.T) {
	official := os.Getenv("PAGELINT_SARIF_SCHEMA")
	if official == "" {
		t.Log("PAGELINT_SARIF_SCHEMA is not set: validating against the reconstruction in testdata only")
		validateGoldens(t, "testdata/sarif-schema-2.1.0.json", "*.sarif", "")
		return
	}
	if _, err := os.Stat(official); err != nil {
		t.Fatalf("PAGELINT_SARIF_SCHEMA: %v", err)
	}
	validateGoldens(t, official, "*.sarif", "")
	validateGoldens(t, "testdata/sarif-schema-2.1.0.json", "*.sarif", "")
}

func validateGoldens(t *testing.T, schemaPath, pattern, skip string) {
	t.Helper()
	abs, err := filepath.Abs(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + abs))
	if err != nil {
		t.Fatalf("schema %s: %v", schemaPath, err)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "golden", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files %s (%v)", pattern, err)
	}
	for _, file := range files {
		if skip != "" && strings.Contains(file, skip) {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		res, err := schema.Validate(gojsonschema.NewBytesLoader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: %s", file, e)
		}
	}
}

func TestSchemaRejectsBadReports(t *testing.T) {
	abs, err := filepath.Abs("../../schema/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + abs))
	if err != nil {
		t.Fatal(err)
	}
	var good bytes.Buffer
	if err := WriteJSON(&good, siteReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
	}{
		{"valid", "", ""},
		{"unknown severity", `"severity": "warning"`, `"severity": "fatal"`},
		{"line zero", `"line": 52`, `"line": 0`},
		{"unknown key", `"schemaVersion": 1,`, `"schemaVersion": 1, "extra": true,`},
		{"other version", `"schemaVersion": 1`, `"schemaVersion": 2`},
		{"other tool", `"name": "pagelint"`, `"name": "eslint"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(good.String(), tt.old, tt.new, 1)
			res, err := schema.Validate(gojsonschema.NewStringLoader(doc))
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.old == ""; res.Valid() != want {
				t.Errorf("valid = %v, want %v (%v)", res.Valid(), want, res.Errors())
			}
		})
	}
}
