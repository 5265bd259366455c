//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testfs"
)

// TestMain lets the test binary be pagelint itself: with
// PAGELINT_TEST_MAIN=1 it runs main, so that a test can send real signals
// to a real process.
func TestMain(m *testing.M) {
	if os.Getenv("PAGELINT_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// stallingServer is the URL of a server that calls arrived when a request
// reaches it, and answers only when the request ends.
func stallingServer(t *testing.T, arrived func()) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived()
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// stallingSite is a site whose one page links to a stallingServer.
func stallingSite(t *testing.T, arrived func()) string {
	t.Helper()
	srv := stallingServer(t, arrived)
	dir := t.TempDir()
	testfs.WriteFile(t, filepath.Join(dir, "site", "index.html"), `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>
<a href="`+srv+`/a">a</a> <a href="`+srv+`/b">b</a></main><footer>© 2026</footer></body></html>`)
	testfs.WriteFile(t, filepath.Join(dir, "pagelint.json"), `{"links": {"allowPrivate": true, "timeout": "30s"}}`)
	return dir
}

// A run interrupted during its external link checks writes every report
// it was asked for, each saying it was interrupted, and exits 130: never 0,
// whatever it found before.
func TestInterruptedRunSaysSo(t *testing.T) {
	reportSchema := loadReportSchema(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	dir := stallingSite(t, func() { cancel(&interrupt{sig: syscall.SIGINT}) })
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, []string{"pagelint", "check", "--no-cache", "--now", "2026-11-26", "site",
		"-f", "json=r.json", "-f", "sarif=r.sarif", "-f", "junit=r.xml", "-f", "github=r.github", "-f", "markdown=r.md",
		"-f", "html=r.html", "-f", "codeclimate=r.cc.json", "-f", "text"}, nil, &stdout, &stderr)
	if code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, stderr.String())
	}
	if got := stderr.String(); got != "pagelint: interrupted by SIGINT: the findings may be incomplete\n" {
		t.Errorf("standard error: %q", got)
	}
	if out := stdout.String(); !strings.Contains(out, "✖ no problems found (1 page); interrupted: the run stopped before it finished") ||
		!strings.Contains(out, "2 external links not checked (interrupted)") {
		t.Errorf("text report:\n%s", out)
	}
	var rep struct{ Summary map[string]any }
	data, _ := os.ReadFile("r.json")
	checkReport(t, data, reportSchema)
	if err := json.Unmarshal(data, &rep); err != nil || rep.Summary["interrupted"] != true {
		t.Errorf("JSON summary %v (%v)", rep.Summary, err)
	}
	for file, want := range map[string]string{
		"r.sarif": `"executionSuccessful": false`, "r.xml": `type="interrupted"`, "r.github": "::error title=pagelint::interrupted",
		"r.md": "interrupted: the run stopped", "r.html": `id="interrupted"`, "r.cc.json": `"pagelint/interrupted"`,
	} {
		if data, _ := os.ReadFile(file); !strings.Contains(string(data), want) {
			t.Errorf("%s does not say it was interrupted (%q)", file, want)
		}
	}
}

// A merged report of an interrupted run passes no gate.
func TestMergeOfInterruptedRunFails(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	dir := stallingSite(t, func() { cancel(&interrupt{sig: syscall.SIGTERM}) })
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	if code := runContext(ctx, []string{"pagelint", "check", "--no-cache", "--fail-on", "never", "site", "-o", "r.json", "-f", "json"}, nil, &stdout, &stderr); code != 143 {
		t.Fatalf("check: exit %d, want 143\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"pagelint", "merge", "--fail-on", "never", "r.json"}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("merge: exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "interrupted run") {
		t.Errorf("merge says %q", stderr.String())
	}
}

// Real signals to a real process: the first SIGINT or SIGTERM during the
// link checks ends the run with 130 or 143 and an interrupted report.
func TestSignals(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			arrived := make(chan struct{}, 2)
			dir := stallingSite(t, func() { arrived <- struct{}{} })
			cmd := exec.Command(exe, "check", "--no-cache", "--now", "2026-11-26", "site", "-f", "json=r.json")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PAGELINT_TEST_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-arrived:
			case <-time.After(60 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("no link check reached the server\n%s", stderr.String())
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
				t.Fatalf("exit %v, want %d\n%s", err, tt.code, stderr.String())
			}
			data, err := os.ReadFile(filepath.Join(dir, "r.json"))
			if err != nil || !strings.Contains(string(data), `"interrupted": true`) {
				t.Errorf("report: %v\n%s", err, data)
			}
		})
	}
}

// Interrupted before it has findings to report (while it crawls), a run
// says so in one line, writes no report, and exits 130.
func TestInterruptedBeforeAnyReport(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	srv := stallingServer(t, func() { cancel(&interrupt{sig: syscall.SIGINT}) })
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, []string{"pagelint", "check", "--crawl", "--no-cache", srv + "/", "-o", "r.json", "-f", "json"}, nil, &stdout, &stderr)
	if code != 130 || stderr.String() != "pagelint: interrupted by SIGINT before any report was written\n" {
		t.Errorf("exit %d, standard error %q", code, stderr.String())
	}
	if _, err := os.Stat("r.json"); err == nil {
		t.Error("a report was written")
	}
}

// Interrupted, a run whose report cannot be written says why as well as
// that it was interrupted, and still exits 130.
func TestInterruptedAndTheReportFails(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	srv := stallingServer(t, func() { cancel(&interrupt{sig: syscall.SIGINT}) })
	dir := t.TempDir()
	t.Chdir(dir)
	page := `<!DOCTYPE html><html lang="en"><title>t</title><body><main><a href="` + srv + `/slow">slow</a></main></body></html>`
	if err := os.WriteFile("index.html", []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("r.json", 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, []string{"pagelint", "check", "--no-cache", "--allow-private", "-f", "json=r.json", "index.html"}, nil, &stdout, &stderr)
	want := "pagelint: r.json: no process reads this FIFO\npagelint: interrupted by SIGINT\n"
	if code != 130 || !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("exit %d, standard error %q, want it to end %q", code, stderr.String(), want)
	}
}
