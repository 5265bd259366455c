package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestShardsMergeToWholeRun: the JSON reports of every shard of a site,
// merged, hold exactly the findings of the unsharded run, links between
// shards judged right.
func TestShardsMergeToWholeRun(t *testing.T) {
	site, err := filepath.Abs("../../examples/contoso")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	base := []string{"pagelint", "check", "--offline", "--now", "2026-11-26", "-c", filepath.Join(site, "pagelint.json")}
	runTo := func(file string, extra ...string) {
		t.Helper()
		var stderr bytes.Buffer
		args := append(append(append([]string{}, base...), extra...), "-f", "json="+file, site)
		if code := run(args, nil, &bytes.Buffer{}, &stderr); code == 2 {
			t.Fatalf("%v: exit 2: %s", extra, stderr.String())
		}
	}
	runTo("whole.json")
	runTo("shard1.json", "--shard", "1/3")
	runTo("shard2.json", "--shard", "2/3")
	runTo("shard3.json", "--shard", "3/3")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pagelint", "merge", "-o", "merged.json", "shard1.json", "shard2.json", "shard3.json"}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("merge: exit %d, want 1: %s", code, stderr.String())
	}
	whole, merged := readReportMap(t, "whole.json"), readReportMap(t, "merged.json")
	if !reflect.DeepEqual(whole["findings"], merged["findings"]) {
		t.Errorf("merged shards differ from the whole run:\nwhole  %v\nmerged %v", whole["findings"], merged["findings"])
	}
	ws, ms := whole["summary"].(map[string]any), merged["summary"].(map[string]any)
	for _, k := range []string{"pages", "findings", "error", "warning", "info"} {
		if ws[k] != ms[k] {
			t.Errorf("summary %s: whole %v, merged %v", k, ws[k], ms[k])
		}
	}
	for _, shard := range []string{"shard1.json", "shard2.json", "shard3.json"} {
		if n := readReportMap(t, shard)["summary"].(map[string]any)["pages"].(float64); n != 3 {
			t.Errorf("%s lints %v of the 9 pages, want 3", shard, n)
		}
	}
}

func readReportMap(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var r map[string]any
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// TestMergeRefusesShardsTwiceAndKeepsLevels: the same shard given twice
// is refused; the merged SARIF lists the rules at the levels the config
// set, with the config's assertions and no invented rule; a shard with no
// pages writes an empty report and passes.
func TestMergeRefusesShardsTwiceAndKeepsLevels(t *testing.T) {
	site, err := filepath.Abs("../../examples/contoso")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	cfg := `{"extends": ["recommended"], "rules": {"link-no-text": "info", "nav-orphan-page": "warning", "footer-copyright": "off"},
	  "assertions": [{"id": "has-title", "severity": "warning", "message": "every page has a title", "schema": {"required": ["title"]}}]}`
	if err := os.WriteFile("pagelint.json", []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(shard, file string) int {
		t.Helper()
		var stderr bytes.Buffer
		code := run([]string{"pagelint", "check", "--offline", "--now", "2026-11-26", "-c", "pagelint.json", "--shard", shard, "-f", "json=" + file, site}, nil, &bytes.Buffer{}, &stderr)
		if code == 2 {
			t.Fatalf("--shard %s: exit 2: %s", shard, stderr.String())
		}
		return code
	}
	check("1/2", "a.json")
	check("2/2", "b.json")
	if err := os.WriteFile("a-again.json", mustRead(t, "a.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pagelint", "merge", "a.json", "b.json", "a-again.json"}, nil, &stdout, &stderr); code != 2 ||
		stderr.String() != "pagelint: merge: a.json and a-again.json are both shard 1/2\n" {
		t.Errorf("the same shard twice: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"pagelint", "merge", "a.json", "./a.json"}, nil, &stdout, &stderr); code != 2 ||
		stderr.String() != "pagelint: ./a.json is given twice\n" {
		t.Errorf("the same file twice: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"pagelint", "merge", "-f", "sarif=merged.sarif", "a.json", "b.json"}, nil, &stdout, &stderr); code == 2 {
		t.Fatalf("merge: %s", stderr.String())
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
		}
	}
	readJSON(t, "merged.sarif", &sarif)
	levels := map[string]string{}
	for _, r := range sarif.Runs[0].Tool.Driver.Rules {
		levels[r.ID] = r.DefaultConfiguration.Level
	}
	for id, want := range map[string]string{"link-no-text": "note", "nav-orphan-page": "warning", "assert/has-title": "warning", "link-broken": "error"} {
		if levels[id] != want {
			t.Errorf("merged SARIF: rule %s at level %q, want %q", id, levels[id], want)
		}
	}
	for _, id := range []string{"assert/<id>", "footer-copyright"} {
		if _, ok := levels[id]; ok {
			t.Errorf("merged SARIF lists rule %s", id)
		}
	}

	// 9 pages, 10 shards: the tenth is empty.
	if code := check("10/10", "empty.json"); code != 0 {
		t.Errorf("an empty shard exits %d, want 0", code)
	}
	empty := readReportMap(t, "empty.json")
	if n := empty["summary"].(map[string]any)["pages"].(float64); n != 0 || len(empty["findings"].([]any)) != 0 {
		t.Errorf("the empty shard reports %v pages and findings %v", n, empty["findings"])
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
