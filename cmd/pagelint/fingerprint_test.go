package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFingerprintsSurviveMovedLines lints a page, then the same page with
// lines added above every finding (a comment and blank lines, as an edit
// would), and compares what CI systems track findings by: SARIF partial
// fingerprints, Code Quality fingerprints and the baseline's keys. The
// lines moved; none of these may.
func TestFingerprintsSurviveMovedLines(t *testing.T) {
	page, err := os.ReadFile("../../fixtures/menu-duplicate/index.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	moved := strings.Replace(string(page), "<body>", "<body>\n<!-- moved down -->\n\n\n", 1)
	type prints struct{ sarif, codeclimate, lines []string }
	lint := func(html string) (p prints, baseline string) {
		t.Helper()
		if err := os.WriteFile("index.html", []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := run([]string{"pagelint", "check", "--offline", "--now", "2026-11-26", "--base-dir", ".", "-f", "sarif=a.sarif",
			"-f", "codeclimate=cq.json", "--baseline", "baseline.json", "--update-baseline", "index.html"}, nil, &stdout, &stderr)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var sarif struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string
					Locations           []struct {
						PhysicalLocation struct{ Region struct{ StartLine int } }
					}
				}
			}
		}
		readJSON(t, "a.sarif", &sarif)
		for _, r := range sarif.Runs[0].Results {
			p.sarif = append(p.sarif, r.PartialFingerprints["pagelintFingerprint/v1"])
			p.lines = append(p.lines, strings.Repeat("x", r.Locations[0].PhysicalLocation.Region.StartLine))
		}
		var cq []struct{ Fingerprint string }
		readJSON(t, "cq.json", &cq)
		for _, i := range cq {
			p.codeclimate = append(p.codeclimate, i.Fingerprint)
		}
		b, err := os.ReadFile("baseline.json")
		if err != nil {
			t.Fatal(err)
		}
		return p, string(b)
	}
	before, baseBefore := lint(string(page))
	after, baseAfter := lint(moved)
	if len(before.sarif) < 3 {
		t.Fatalf("want several findings, got %d", len(before.sarif))
	}
	if slices.Equal(before.lines, after.lines) {
		t.Fatal("the lines did not move; the test tests nothing")
	}
	if !slices.Equal(before.sarif, after.sarif) {
		t.Errorf("SARIF fingerprints changed when lines moved:\n%v\n%v", before.sarif, after.sarif)
	}
	if !slices.Equal(before.codeclimate, after.codeclimate) {
		t.Errorf("Code Quality fingerprints changed when lines moved:\n%v\n%v", before.codeclimate, after.codeclimate)
	}
	if baseBefore != baseAfter {
		t.Errorf("the baseline changed when lines moved:\n%s\n%s", baseBefore, baseAfter)
	}
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Clean(name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
