package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/chrometest"
	"github.com/pagelint/pagelint/internal/source"
)

// requireChrome skips a test without Chromium (see chrometest).
func requireChrome(t *testing.T) {
	t.Helper()
	chrometest.Require(t, source.FindChrome)
}

// requireChromeFor calls requireChrome for a scenario of fixtures/ whose
// commands use --render.
func requireChromeFor(t *testing.T, argsFile string) {
	t.Helper()
	if b, err := os.ReadFile(argsFile); err == nil && bytes.Contains(b, []byte("--render")) {
		requireChrome(t)
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

// TestRenderWaitFlag: a wait that is no wait is refused before anything
// starts, in one line.
func TestRenderWaitFlag(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"0s", "pagelint: --render-wait: 0s is not a positive duration\n"},
		{"-5s", "pagelint: --render-wait: -5s is not a positive duration\n"},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"pagelint", "check", "--render", "--render-wait", tt.value, "testdata/scripted-menu/index.html"}, nil, &stdout, &stderr)
		if code != 2 || stderr.String() != tt.want || stdout.Len() != 0 {
			t.Errorf("--render-wait %s: exit %d, stderr %q, stdout %q; want exit 2 and %q", tt.value, code, stderr.String(), stdout.String(), tt.want)
		}
	}
}
