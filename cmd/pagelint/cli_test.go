package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xeipuuv/gojsonschema"

	"github.com/pagelint/pagelint/internal/testnet"
)

var update = flag.Bool("update", false, "rewrite the golden files of fixtures/")

// TestFixtures runs every scenario of fixtures/: each folder holds its
// inputs, a file "args" with one pagelint command line per line, and
// "expected.golden" with what each command printed and its exit code.
// `go test ./... -update` rewrites the goldens.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../../fixtures/*/args")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures found: %v", err)
	}
	reportSchema := loadReportSchema(t)
	for _, argsFile := range dirs {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			requireChromeFor(t, argsFile)
			got := runScenario(t, dir, reportSchema)
			golden := filepath.Join(dir, "expected.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/pagelint -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (go test ./cmd/pagelint -update rewrites it):\n%s", golden, diff(string(want), got))
			}
		})
	}
}

func runScenario(t *testing.T, dir string, reportSchema *gojsonschema.Schema) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(abs, "args"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	t.Setenv("NO_COLOR", "1")
	t.Setenv("SOURCE_DATE_EPOCH", "")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	// One temporary directory for the scenario, so that a command can read
	// what an earlier one wrote (a baseline, shard reports).
	tmp := t.TempDir()
	resolve := scenarioDNS(t, abs)
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		before := snapshot(tmp)
		// "… < FILE" feeds FILE to standard input, as a shell would; else
		// the scenario's file "stdin", if it has one.
		command, input, redirected := strings.Cut(line, " < ")
		if !redirected {
			input = "stdin"
		}
		args := splitArgs(strings.ReplaceAll(command, "$TMP", tmp))
		var stdin bytes.Buffer
		if b, err := os.ReadFile(filepath.Join(abs, strings.TrimSpace(input))); err == nil {
			stdin.Write(b)
		} else if redirected {
			t.Fatalf("%s: %v", line, err)
		}
		var stdout, stderr bytes.Buffer
		code := runStreams(context.Background(), append([]string{"pagelint"}, args...),
			&streams{stdin: &stdin, stdout: &stdout, stderr: &stderr, resolve: resolve})
		fmt.Fprintf(&out, "$ pagelint %s\n", line)
		checkReport(t, stdout.Bytes(), reportSchema)
		out.WriteString(normalize(stdout.String(), tmp))
		if stderr.Len() > 0 {
			fmt.Fprintf(&out, "--- stderr\n%s", normalize(stderr.String(), tmp))
		}
		for _, f := range written(tmp, before) {
			b, _ := os.ReadFile(f)
			checkReport(t, b, reportSchema)
			fmt.Fprintf(&out, "--- file %s\n%s", filepath.Base(f), normalize(string(b), tmp))
		}
		fmt.Fprintf(&out, "--- exit %d\n\n", code)
	}
	return out.String()
}

// scenarioDNS is the resolver of a scenario with a file "dns": a DNS server
// on loopback that answers as its lines say ("NAME ANSWER", NAME "*" for
// every other name, ANSWER an IPv4 address, NXDOMAIN, SERVFAIL or SILENCE); nil,
// the system's resolver, without one.
func scenarioDNS(t *testing.T, dir string) func(context.Context, string) ([]netip.Addr, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "dns"))
	if err != nil {
		return nil
	}
	answers := map[string]string{}
	for _, line := range strings.Split(string(raw), "\n") {
		name, answer, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && !strings.HasPrefix(name, "#") {
			answers[name] = strings.TrimSpace(answer)
		}
	}
	return testnet.StartDNS(t, answers).Lookup
}

// snapshot records the files of dir with their modification times.
func snapshot(dir string) map[string]time.Time {
	files := map[string]time.Time{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			files[e.Name()] = info.ModTime()
		}
	}
	return files
}

// written lists the files of dir that a command created or rewrote.
func written(dir string, before map[string]time.Time) []string {
	var out []string
	for name, mod := range snapshot(dir) {
		if old, ok := before[name]; !ok || !old.Equal(mod) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	sort.Strings(out)
	return out
}

var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`"(generatedAt|since)":\s*"[^"]*"`), `"$1": "GENERATED"`},
	{regexp.MustCompile(`"durationMs":\s*\d+`), `"durationMs": 0`},
	{regexp.MustCompile(`&#34;generatedAt&#34;:&#34;[^&]*&#34;`), `&#34;generatedAt&#34;:&#34;GENERATED&#34;`},
	{regexp.MustCompile(`since \d{4}-\d\d-\d\d \d\d:\d\d UTC`), `since GENERATED`},
	{regexp.MustCompile(`\d+(\.\d+)?m?s\b`), `TIME`},
}

// normalize replaces what changes from run to run: time stamps, durations,
// the temporary directory.
func normalize(s, tmp string) string {
	s = strings.ReplaceAll(s, tmp, "$TMP")
	for _, v := range volatile {
		s = v.re.ReplaceAllString(s, v.with)
	}
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

func loadReportSchema(t *testing.T) *gojsonschema.Schema {
	b, err := os.ReadFile("../../schema/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(b))
	if err != nil {
		t.Fatalf("schema/report.schema.json: %v", err)
	}
	return s
}

// checkReport validates every JSON report a command writes against
// schema/report.schema.json.
func checkReport(t *testing.T, b []byte, s *gojsonschema.Schema) {
	t.Helper()
	var probe map[string]any
	if json.Unmarshal(b, &probe) != nil || probe["schemaVersion"] == nil {
		return
	}
	res, err := s.Validate(gojsonschema.NewBytesLoader(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("report does not match schema/report.schema.json: %s", e)
	}
}

// splitArgs splits a command line on blanks, keeping quoted strings whole.
func splitArgs(s string) []string {
	var args []string
	var cur strings.Builder
	inArg := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inArg = r, true
		case r == ' ' || r == '\t':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args
}

// diff shows the first lines where two texts part.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, wl, gl)
		}
	}
	return "(identical lines, different endings)"
}
