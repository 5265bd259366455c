package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/schema"
)

// TestPrintConfigIsAValidConfig: what --print-config prints is the whole
// resolved config — the presets' items merged in — and loads as a config
// of its own.
func TestPrintConfigIsAValidConfig(t *testing.T) {
	cfg, err := filepath.Abs("../../examples/contoso/pagelint.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pagelint", "check", "--print-config", "-c", cfg, "--preset", "us-privacy"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{`"id": "us-opt-out"`, `"id": "privacy"`, `"label": "Products"`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the printed config lacks %s", want)
		}
	}
	if err := os.WriteFile("printed.json", stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := schema.Load("printed.json", nil); err != nil {
		t.Errorf("the printed config does not load: %v", err)
	}
}
