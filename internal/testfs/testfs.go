// Package testfs writes the files of a test: pages, sites, configs and
// goldens, under directories it makes as needed.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteFile writes content to path, making its directory.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Write writes files (slash paths relative to dir, and their contents).
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
}

// Dir writes files into a new temporary directory, and returns it.
func Dir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, files)
	return dir
}
