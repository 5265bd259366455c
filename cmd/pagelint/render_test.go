package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/source"
)

// requireChrome skips a test when no Chromium is installed, except where
// PAGELINT_REQUIRE_CHROME=1 (CI) demands the browser.
func requireChrome(t *testing.T) {
	t.Helper()
	if _, err := source.FindChrome(); err != nil {
		if os.Getenv("PAGELINT_REQUIRE_CHROME") == "1" {
			t.Fatalf("PAGELINT_REQUIRE_CHROME=1 demands Chromium: %v", err)
		}
		t.Skipf("%v (set PAGELINT_REQUIRE_CHROME=1 to make this a failure)", err)
	}
}

// TestRenderScriptedMenu: a menu that a script builds is empty in the HTML
// source, so without --render the page gets one page-script-built note (and
// no nav-required errors that are false for the rendered page); with
// --render the menu is judged, and passes.
func TestRenderScriptedMenu(t *testing.T) {
	requireChrome(t)
	t.Chdir("testdata/scripted-menu")
	t.Setenv("NO_COLOR", "1")
	runCLI := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"pagelint", "check", "--offline", "--now", "2026-11-26"}, args...), nil, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	code, out, errs := runCLI("index.html")
	const note = `menu "Primary" is empty in the source and the page loads scripts: lint it with --render to see what a visitor sees (not checked: 2 required navigation entries)`
	if code != 0 || !strings.Contains(out, note) || strings.Contains(out, "nav-required") {
		t.Errorf("without --render: exit %d, want 0 with the page-script-built note and no nav-required finding\n%s%s", code, out, errs)
	}

	code, out, errs = runCLI("--render", "index.html")
	if code != 0 || strings.Contains(out, "nav-required") || strings.Contains(out, "page-script-built") {
		t.Errorf("with --render: exit %d, want 0 and no nav-required or page-script-built finding\n%s%s", code, out, errs)
	}
}
