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
	whole, merged := readReport(t, "whole.json"), readReport(t, "merged.json")
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
		if n := readReport(t, shard)["summary"].(map[string]any)["pages"].(float64); n != 3 {
			t.Errorf("%s lints %v of the 9 pages, want 3", shard, n)
		}
	}
}

func readReport(t *testing.T, name string) map[string]any {
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
