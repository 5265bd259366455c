package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionCommandAndFlagAgree(t *testing.T) {
	var out1, out2, stderr bytes.Buffer
	if code := run([]string{"pagelint", "version"}, nil, &out1, &stderr); code != 0 {
		t.Fatalf("version: exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"pagelint", "--version"}, nil, &out2, &stderr); code != 0 {
		t.Fatalf("--version: exit %d: %s", code, stderr.String())
	}
	want := "pagelint version " + version + "\n"
	if out1.String() != want || out2.String() != want {
		t.Errorf("version printed %q, --version %q; want both %q", out1.String(), out2.String(), want)
	}
}

func TestResolveVersion(t *testing.T) {
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Main: debug.Module{Version: v}}, true }
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	for _, tc := range []struct {
		name, linker string
		info         func() (*debug.BuildInfo, bool)
		want         string
	}{
		{"linker wins", "v1.2.3", info("v9.9.9"), "1.2.3"},
		{"go install @version", "", info("v0.4.1"), "0.4.1"},
		{"pseudo-version of a git checkout", "", info("v0.0.0-20261206150000-0123456789ab+dirty"), "0.0.0-20261206150000-0123456789ab+dirty"},
		{"devel build", "", info("(devel)"), releaseVersion},
		{"no build info", "", none, releaseVersion},
	} {
		if got := resolveVersion(tc.linker, tc.info); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestBuiltBinaryVersion builds the binary as a release does (-ldflags -X)
// and asks it.
func TestBuiltBinaryVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "pagelint")
	build := exec.Command("go", "build", "-ldflags", "-X main.linkerVersion=v7.8.9", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if string(out) != "pagelint version 7.8.9\n" {
			t.Errorf("pagelint %v printed %q", args, out)
		}
	}
}

// TestDocsNameTheReleaseVersion keeps every version the docs, examples,
// the Action and the pre-commit hook name equal to releaseVersion.
func TestDocsNameTheReleaseVersion(t *testing.T) {
	files := []string{"README.md", "docs/reports.md", "docs/links.md", "docs/contract.md", ".pre-commit-hooks.yaml", "action.yml", "Dockerfile"}
	versionRef := regexp.MustCompile(`(?:rev: v|pagelint@v|"version": "|pagelint/v?|pagelint:)(\d+\.\d+\.\d+)`)
	seen := 0
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range versionRef.FindAllStringSubmatch(string(b), -1) {
			seen++
			if m[1] != releaseVersion {
				t.Errorf("%s: %q names version %s, want %s (cmd/pagelint/version.go)", name, m[0], m[1], releaseVersion)
			}
		}
	}
	if seen == 0 || !strings.Contains(releaseVersion, ".") {
		t.Errorf("no version found in %v", files)
	}
}
