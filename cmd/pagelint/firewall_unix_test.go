//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/internal/testnet"
)

// A run behind a firewall that drops every packet: each host's names
// resolve, and every TCP connect times out. Its external links are not
// checked, not broken: one line on standard error says why, the JSON report
// counts them unchecked with noNetwork, and the exit code is the other
// findings' (none here). The hanging port is a real socket on loopback.
func TestFirewalledLinksFromTheCommandLine(t *testing.T) {
	port := testnet.HangingAddr(t)
	port = port[strings.LastIndex(port, ":"):]
	schema := loadReportSchema(t)
	dir := t.TempDir()
	t.Chdir(dir)
	var links strings.Builder
	for _, host := range []string{"a.test", "b.test", "c.test"} {
		for _, page := range []string{"one", "two"} {
			fmt.Fprintf(&links, "<a href=\"http://%s%s/%s\">%s %s</a>\n", host, port, page, host, page)
		}
	}
	testfs.WriteFile(t, filepath.Join(dir, "site", "index.html"), `<!DOCTYPE html><html lang="en"><head><title>Links</title></head><body><main>
`+links.String()+`</main><footer><a href="privacy.html">Privacy</a> © 2026 Example</footer></body></html>`)
	testfs.WriteFile(t, filepath.Join(dir, "site", "privacy.html"), `<!DOCTYPE html><html lang="en"><head><title>Privacy</title></head><body><main>Privacy</main>
<footer><a href="privacy.html">Privacy</a> © 2026 Example</footer></body></html>`)
	// The hosts are on loopback, as the site is not: allowPrivate lets
	// their links be checked.
	testfs.WriteFile(t, filepath.Join(dir, "pagelint.json"), `{"links": {"external": true, "allowPrivate": true, "timeout": "1s"}}`)
	dns := testnet.StartDNS(t, map[string]string{"*": "127.0.0.1"})
	var stdout, stderr bytes.Buffer
	code := runStreams(context.Background(), []string{"pagelint", "check", "--now", "2026-12-06", "--no-cache", "-f", "json", "site"},
		&streams{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, resolve: dns.Lookup})
	if code != 0 {
		t.Errorf("exit %d, want 0\n%s", code, stderr.String())
	}
	wantLine := "pagelint: 6 external links not checked: no host could be reached (none of 3 hosts answered a connection, e.g. a.test: connection timed out); is the network down? Use --offline to check no external link\n"
	if got := stderr.String(); got != wantLine {
		t.Errorf("standard error:\n%s\nwant:\n%s", got, wantLine)
	}
	checkReport(t, stdout.Bytes(), schema)
	var rep struct {
		Findings []any `json:"findings"`
		Summary  struct {
			LinksUnchecked int  `json:"linksUnchecked"`
			NoNetwork      bool `json:"noNetwork"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || rep.Summary.LinksUnchecked != 6 || !rep.Summary.NoNetwork {
		t.Errorf("findings %v, summary %+v; want none, 6 links unchecked, noNetwork", rep.Findings, rep.Summary)
	}
}
