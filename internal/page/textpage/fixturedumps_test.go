package textpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixtureDumps pins the models of the real dumps kept in
// fixtures/text-dump-*, each as an outline in testdata/dumps (go test
// -update rewrites them), so that how real dumps are read stays fixed where
// lynx and w3m are not installed.
func TestFixtureDumps(t *testing.T) {
	files, err := filepath.Glob("../../../fixtures/text-dump-*/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %d dumps in fixtures/text-dump-* (%v)", len(files), err)
	}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file)) + "." + strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(data, Options{Source: filepath.Base(file), URL: "/" + filepath.Base(file)})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			matchGolden(t, filepath.Join("testdata", "dumps", name+".outline"), outline(p))
		})
	}
}
