//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testfs"
)

// hostileCase is one entry of the hostile-input catalogue: what an
// attacker controls (the files of a pull request, the pages a server
// gives), the command line, and what pagelint must answer. docs/SECURITY.md
// says what the catalogue keeps.
type hostileCase struct {
	name string
	// files are written into a fresh directory, the working directory of
	// the run; "$SRV" in them stands for the test server's URL.
	files map[string]string
	// setup makes what files cannot: FIFOs, links.
	setup func(t *testing.T, dir string)
	// args follow "pagelint"; "$SRV" is the test server's URL.
	args []string
	code int
	// stderr is the whole of standard error, one line per entry; an
	// entry starting with "~" is a regular expression.
	stderr []string
	// check looks at what else the run left.
	check func(t *testing.T, dir, stdout string, requests int64)
}

// hostilePage passes every check of an offline run without a config.
const hostilePage = `<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body>
<nav><a href="index.html">Home</a></nav><main><h1>Home</h1></main>
<footer><a href="index.html">Privacy</a> © 2026 Example</footer></body></html>`

// catalogueServer serves the pages the network cases need, on loopback,
// and counts what reaches it.
func catalogueServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		switch {
		case r.URL.Path == "/":
			fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>
<a href="/ok">ok</a> <a href="/to-metadata">m</a> <a href="/to-private">p</a>
<a href="http://169.254.169.254/latest/meta-data/">metadata</a> <a href="http://[::ffff:169.254.169.254]/">mapped</a>
<a href="http://0.0.0.0:%s/">unspecified</a></main><footer>© 2026</footer></body></html>`, r.URL.Port())
		case r.URL.Path == "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", http.StatusFound)
		case r.URL.Path == "/to-private":
			http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/crawl/"):
			// Each page links to the next and to 50 pages of its own.
			var n int
			fmt.Sscanf(r.URL.Path, "/crawl/%d", &n)
			fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>p</title></head><body><main><a href="/crawl/%d">next</a>`, n+1)
			for i := range 50 {
				fmt.Fprintf(w, ` <a href="/leaf/%d/%d">leaf</a> <img src="/img/%d/%d.png" alt="">`, n, i, n, i)
			}
			fmt.Fprint(w, `</main><footer>© 2026</footer></body></html>`)
		default:
			fmt.Fprint(w, `<!DOCTYPE html><p>ok</p>`)
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &hits
}

func hostileCases() []hostileCase {
	mkfifo := func(name string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	unchanged := func(file, want string) func(*testing.T, string, string, int64) {
		return func(t *testing.T, dir, _ string, _ int64) {
			if got, err := os.ReadFile(filepath.Join(dir, file)); err != nil || string(got) != want {
				t.Errorf("%s changed: %v\n%s", file, err, got)
			}
		}
	}
	offline := []string{"check", "--offline", "--now", "2026-11-26"}
	with := func(args ...string) []string { return append(append([]string{}, offline...), args...) }
	page := map[string]string{"index.html": hostilePage}
	// A page with an external link, so that the link cache is read and
	// written.
	cachedPage := strings.Replace(hostilePage, "<main>", `<main><a href="$SRV/ok">ok</a>`, 1)
	return []hostileCase{
		// Inputs that would block or never end.
		{name: "FIFO as input", setup: mkfifo("in.html"), args: with("in.html"), code: 2,
			stderr: []string{"pagelint: in.html: is a named pipe (FIFO), not a regular file (give - to read standard input)"}},
		{name: "device as input", args: with("/dev/zero"), code: 2,
			stderr: []string{"pagelint: /dev/zero: is a device, not a regular file (give - to read standard input)"}},
		{name: "FIFO as config", files: page, setup: mkfifo("cfg.json"), args: with("-c", "cfg.json", "index.html"), code: 2,
			stderr: []string{"pagelint: cfg.json: cannot read config: is a named pipe (FIFO), not a regular file"}},
		{name: "extends a FIFO", files: map[string]string{"index.html": hostilePage, "pagelint.json": `{"extends": ["./base.json"]}`},
			setup: mkfifo("base.json"), args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json: /extends/0: cannot read extended config "./base.json": is a named pipe (FIFO), not a regular file`}},
		{name: "extends a device", files: map[string]string{"index.html": hostilePage, "pagelint.json": `{"extends": ["/dev/zero"]}`},
			args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json: /extends/0: cannot read extended config "/dev/zero": is a device, not a regular file`}},

		// A page nested 100,000 deep: linted in linear time (docs/page-model.md).
		{name: "100,000 nested elements", files: map[string]string{"deep.html": "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>" +
			strings.Repeat("<div>", 100000) + "<nav><a href=\"deep.html\">Home</a></nav>" + strings.Repeat("</div>", 100000) +
			"<footer><a href=\"deep.html\">Privacy</a> © 2026</footer></body></html>"}, args: with("deep.html"), code: 0},

		// A config that reads a file that is not one, and quotes nothing of it.
		{name: "extends a secret file", files: map[string]string{"index.html": hostilePage, "shadow": "root:$6$s3cr3tHash:19000:0:99999:7:::\n",
			"pagelint.json": `{"extends": ["./shadow"]}`}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json: /extends/0: extended config "./shadow" is not JSON or YAML (syntax error on line 1)`}},
		{name: "extends a secret YAML file", files: map[string]string{"index.html": hostilePage, "secret.yaml": "token: [s3cr3t\n",
			"pagelint.json": `{"extends": ["./secret.yaml"]}`}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json: /extends/0: extended config "./secret.yaml" is not JSON or YAML (syntax error on line 1)`}},

		// Configs that crashed or said too little.
		{name: "assertion schema referring to itself", files: map[string]string{"index.html": hostilePage,
			"pagelint.json": `{"assertions": [{"id": "loop", "schema": {"$ref": "#"}}]}`}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json: /assertions/0/schema/$ref: reference cycle: "#" leads back here without looking into the page model`}},
		{name: "assertion definitions referring to each other", files: map[string]string{"index.html": hostilePage,
			"pagelint.yaml": "assertions:\n  - id: loop\n    schema:\n      definitions:\n        a: {$ref: '#/definitions/b'}\n        b: {allOf: [{$ref: '#/definitions/a'}]}\n      $ref: '#/definitions/a'\n"},
			args: with("-c", "pagelint.yaml", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.yaml: /assertions/0/schema/definitions/b/allOf/0/$ref: reference cycle: "#/definitions/a" leads back here without looking into the page model`}},
		{name: "integer out of range", files: map[string]string{"index.html": hostilePage,
			"pagelint.json": `{"footer": {"copyright": {"maxAgeYears": 99999999999999999999}}}`}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{"pagelint: pagelint.json: /footer/copyright/maxAgeYears: 99999999999999999999 is out of range"}},
		{name: "number out of range for JSON", files: map[string]string{"index.html": hostilePage,
			"pagelint.json": `{"site": {"threshold": 1e400}}`}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{"pagelint: pagelint.json: /site/threshold: must be less than or equal to 1 (got 1e400)"}},
		{name: "duplicate JSON key", files: map[string]string{"index.html": hostilePage,
			"pagelint.json": "{\"rules\": {\"link-broken\": \"off\",\n  \"link-broken\": \"error\"}}"}, args: with("-c", "pagelint.json", "index.html"), code: 2,
			stderr: []string{`pagelint: pagelint.json:2: /rules/link-broken: duplicate key "link-broken"`}},
		{name: "YAML merge key with an override", files: map[string]string{"index.html": hostilePage,
			"pagelint.yaml": "footer:\n  required:\n    - &privacy {id: privacy, label: Nowhere, severity: error}\n    - <<: *privacy\n      id: privacy-link\n      label: Privacy\n      severity: warning\n"},
			args: with("-c", "pagelint.yaml", "index.html"), code: 1,
			check: func(t *testing.T, _, stdout string, _ int64) {
				// The merged item keeps the override's label and severity;
				// the anchored one is not found.
				if !strings.Contains(stdout, `error  required footer item "Nowhere" is missing`) || !strings.Contains(stdout, "✖ 1 problem") {
					t.Errorf("report:\n%s", stdout)
				}
			}},

		// Reports: written through devices, FIFOs and links, never over an input.
		{name: "report over the input page", files: page, args: with("-o", "index.html", "index.html"), code: 2,
			stderr: []string{"pagelint: index.html: refusing to overwrite index.html, an input of this run"},
			check:  unchanged("index.html", hostilePage)},
		{name: "report over the config", files: map[string]string{"index.html": hostilePage, "pagelint.json": `{}`},
			args: with("-c", "pagelint.json", "-f", "json=pagelint.json", "index.html"), code: 2,
			stderr: []string{"pagelint: pagelint.json: refusing to overwrite pagelint.json, an input of this run"},
			check:  unchanged("pagelint.json", `{}`)},
		// A page of a directory input is refused before the run: its
		// link is never asked.
		{name: "report over a page of a directory input", files: map[string]string{"site/index.html": hostilePage,
			"site/about.html": strings.Replace(hostilePage, "<main>", `<main><a href="$SRV/ok">ok</a>`, 1)},
			args: []string{"check", "--no-cache", "--allow-private", "--now", "2026-11-26", "-f", "json=site/about.html", "site"}, code: 2,
			stderr: []string{"pagelint: site/about.html: refusing to overwrite site/about.html, an input of this run"},
			check: func(t *testing.T, dir, stdout string, requests int64) {
				unchanged("site/index.html", hostilePage)(t, dir, stdout, requests)
				if requests != 0 {
					t.Errorf("%d requests reached the server: the run started", requests)
				}
			}},
		{name: "baseline over a page of a directory input", files: map[string]string{"site/index.html": hostilePage},
			args: with("--baseline", "site/index.html", "--update-baseline", "site"), code: 2,
			stderr: []string{"pagelint: site/index.html: refusing to overwrite site/index.html, an input of this run"},
			check:  unchanged("site/index.html", hostilePage)},
		{name: "report into a directory input under a name it does not read", files: map[string]string{"site/index.html": hostilePage},
			args: with("-f", "json=site/report.json", "-f", "html=site/.git/report.html", "site"), code: 0,
			setup: func(t *testing.T, dir string) { mkdir(t, filepath.Join(dir, "site/.git")) },
			check: func(t *testing.T, dir, _ string, _ int64) {
				for _, name := range []string{"site/report.json", "site/.git/report.html"} {
					if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
						t.Errorf("no report: %v", err)
					}
				}
			}},
		{name: "two reports to one file", files: page, args: with("-f", "json=r.json", "-f", "sarif=./r.json", "index.html"), code: 2,
			stderr: []string{"pagelint: --format: the json and sarif reports would both be written to ./r.json; give each a file of its own"}},
		{name: "two reports to one file through a link", files: page,
			setup: func(t *testing.T, dir string) { symlink(t, "r.json", filepath.Join(dir, "link.json")) },
			args:  with("-o", "r.json", "-f", "json", "-f", "sarif=link.json", "index.html"), code: 2,
			stderr: []string{"pagelint: --format: the json and sarif reports would both be written to link.json; give each a file of its own"}},
		{name: "report into a missing directory", files: page, args: with("-f", "json=no/such/r.json", "index.html"), code: 2,
			stderr: []string{`pagelint: no/such/r.json: directory "no/such" does not exist`}},
		{name: "report onto a directory", files: page, setup: func(t *testing.T, dir string) { mkdir(t, filepath.Join(dir, "out")) },
			args: with("-o", "out", "index.html"), code: 2, stderr: []string{"pagelint: out: is a directory"}},
		{name: "baseline into a missing directory", files: page,
			args: with("--baseline", "no/such/b.json", "--update-baseline", "index.html"), code: 2,
			stderr: []string{`pagelint: no/such/b.json: directory "no/such" does not exist`}},
		{name: "report to /dev/null", files: page, args: with("-o", os.DevNull, "-f", "json", "index.html"), code: 0,
			check: func(t *testing.T, _, _ string, _ int64) {
				if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
					t.Fatalf("%s is no longer a device: %v %v", os.DevNull, info.Mode(), err)
				}
			}},
		{name: "report to /dev/stdout", files: page, args: with("-f", "json=/dev/stdout", "index.html"), code: 0,
			check: func(t *testing.T, _, stdout string, _ int64) {
				if !strings.HasPrefix(stdout, "{") || !strings.Contains(stdout, `"schemaVersion"`) {
					t.Errorf("standard output: %q", stdout)
				}
			}},
		{name: "report to - and another to standard output", files: page, args: with("-f", "json=-", "-f", "text", "index.html"), code: 2,
			stderr: []string{"pagelint: --format: only one report can go to standard output; give the others a file (-f json=report.json)"}},
		{name: "report through a symbolic link", files: page,
			setup: func(t *testing.T, dir string) { symlink(t, "real.json", filepath.Join(dir, "link.json")) },
			args:  with("-f", "json=link.json", "index.html"), code: 0,
			check: func(t *testing.T, dir, _ string, _ int64) {
				if info, err := os.Lstat(filepath.Join(dir, "link.json")); err != nil || info.Mode()&os.ModeSymlink == 0 {
					t.Errorf("link.json is no longer a link: %v", err)
				}
				if data, err := os.ReadFile(filepath.Join(dir, "real.json")); err != nil || !bytes.Contains(data, []byte(`"schemaVersion"`)) {
					t.Errorf("real.json: %v %q", err, data)
				}
			}},
		{name: "report to a FIFO no one reads", files: page, setup: mkfifo("r.fifo"), args: with("-f", "json=r.fifo", "index.html"), code: 2,
			stderr: []string{"pagelint: r.fifo: no process reads this FIFO"}},
		{name: "report to a FIFO", files: page, setup: readFIFO("r.fifo"), args: with("-f", "json=r.fifo", "index.html"), code: 0,
			check: func(t *testing.T, dir, _ string, _ int64) {
				if got := fifoRead(t, filepath.Join(dir, "r.fifo")); !strings.Contains(got, `"schemaVersion"`) {
					t.Errorf("the reader of the FIFO got %q", got)
				}
			}},
		{name: "link cache over a page", files: map[string]string{"index.html": cachedPage,
			"pagelint.json": `{"links": {"allowPrivate": true, "cache": {"path": "index.html"}}}`},
			args: []string{"check", "--now", "2026-11-26", "index.html"}, code: 0,
			stderr: []string{`~^pagelint: ignoring link cache ".*index.html": not a pagelint link cache, left as it is`},
			check: func(t *testing.T, dir, _ string, _ int64) {
				// The page as written, its server's address filled in.
				got, err := os.ReadFile(filepath.Join(dir, "index.html"))
				if err != nil || !strings.HasPrefix(string(got), "<!DOCTYPE html>") || !strings.Contains(string(got), `/ok">ok</a><h1>Home</h1>`) ||
					len(got) > len(cachedPage)+20 {
					t.Errorf("index.html changed: %v\n%s", err, got)
				}
			}},

		// Pages that would drive a CI log.
		{name: "control characters in a GitHub annotation", files: map[string]string{"index.html": strings.Replace(hostilePage,
			"<main>", "<main><a href=\"gone\x1b]8;;https://evil.test\x07 %0A::error::forged.html\">Gone</a>", 1)},
			args: with("-f", "github", "index.html"), code: 1,
			check: func(t *testing.T, _, stdout string, _ int64) {
				if strings.ContainsAny(stdout, "\x1b\x07") || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, "::error ") ||
					!strings.Contains(stdout, `gone\x1b]8;;https://evil.test\x07 %250A::error::forged.html`) {
					t.Errorf("annotations:\n%q", stdout)
				}
			}},

		// The network policy.
		{name: "links of a site on disk to loopback are not checked", files: map[string]string{
			"index.html": strings.Replace(hostilePage, "<main>", `<main><a href="$SRV/ok">a</a> <a href="$SRV/other">b</a>`, 1)},
			args: []string{"check", "--no-cache", "--now", "2026-11-26", "index.html"}, code: 0,
			stderr: []string{"pagelint: 2 external links not checked: the network policy refuses their addresses (loopback and private ones are checked with --allow-private; link-local ones never)"},
			check: func(t *testing.T, _, _ string, requests int64) {
				if requests != 0 {
					t.Errorf("%d requests reached the loopback server", requests)
				}
			}},
		{name: "--allow-private checks them", files: map[string]string{
			"index.html": strings.Replace(hostilePage, "<main>", `<main><a href="$SRV/ok">a</a> <a href="$SRV/other">b</a>`, 1)},
			args: []string{"check", "--no-cache", "--allow-private", "--now", "2026-11-26", "index.html"}, code: 0,
			check: func(t *testing.T, _, _ string, requests int64) {
				if requests != 2 {
					t.Errorf("%d requests reached the loopback server, want 2", requests)
				}
			}},
		{name: "a local site: loopback yes, metadata and redirects to internal addresses never",
			args: []string{"check", "--no-cache", "--now", "2026-11-26", "-f", "json", "$SRV/"}, code: 0,
			stderr: []string{"pagelint: 5 external links not checked: the network policy refuses their addresses (loopback and private ones are checked with --allow-private; link-local ones never)"},
			check: func(t *testing.T, _, stdout string, requests int64) {
				// The page, /ok, /to-metadata and /to-private: the
				// metadata, mapped and unspecified addresses are never
				// dialled, nor where the redirects lead.
				if requests != 4 || strings.Contains(stdout, `"rule": "link-broken"`) {
					t.Errorf("%d requests, report:\n%s", requests, stdout)
				}
			}},
		{name: "a crawl's links to its own site count against --max-pages",
			args: []string{"check", "--no-cache", "--now", "2026-11-26", "--crawl", "--max-pages", "5", "-f", "json=r.json", "$SRV/crawl/0"}, code: 0,
			stderr: []string{`~^pagelint: crawl skipped \d+ URLs \(max pages reached: \d+\)$`,
				`~^pagelint: \d+ URLs of the crawled site not checked: they are beyond --max-pages, which the pages fetched and the links to its own pages share$`},
			check: func(t *testing.T, _, _ string, requests int64) {
				// 5 pages, each with 100 links of its own site: 5 GETs,
				// and no HEAD beyond the budget.
				if requests > 6 {
					t.Errorf("%d requests to a site crawled with --max-pages 5", requests)
				}
			}},
	}
}

// TestHostileInputs runs the catalogue: each case's exit code and standard
// error, line by line, and what it left.
func TestHostileInputs(t *testing.T) {
	srv, hits := catalogueServer(t)
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tc.files {
				testfs.WriteFile(t, filepath.Join(dir, name), strings.ReplaceAll(content, "$SRV", srv.URL))
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			t.Chdir(dir)
			t.Setenv("NO_COLOR", "1")
			args := []string{"pagelint"}
			for _, a := range tc.args {
				args = append(args, strings.ReplaceAll(a, "$SRV", srv.URL))
			}
			before := hits.Load()
			var stdout, stderr bytes.Buffer
			done := make(chan int)
			go func() { done <- run(args, nil, &stdout, &stderr) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(60 * time.Second):
				t.Fatalf("pagelint %q did not end", args[1:])
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, stderr.String())
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if stderr.Len() == 0 {
				lines = nil
			}
			if len(lines) != len(tc.stderr) {
				t.Errorf("standard error:\n%s\nwant %d line(s):\n%s", stderr.String(), len(tc.stderr), strings.Join(tc.stderr, "\n"))
			} else {
				for i, want := range tc.stderr {
					if pattern, isRE := strings.CutPrefix(want, "~"); isRE && !regexp.MustCompile(pattern).MatchString(lines[i]) ||
						!isRE && lines[i] != want {
						t.Errorf("standard error line %d:\n got %s\nwant %s", i+1, lines[i], want)
					}
				}
			}
			if strings.Contains(stderr.String(), "s3cr3t") {
				t.Errorf("standard error quotes the secret: %s", stderr.String())
			}
			if tc.check != nil {
				tc.check(t, dir, stdout.String(), hits.Load()-before)
			}
		})
	}
}

// fifoReaders holds, per FIFO path, the reading end readFIFO opened.
var fifoReaders = map[string]*os.File{}

// readFIFO makes a FIFO and opens it for reading, as a shell's
// `pagelint -f json=>(jq .)` would. It is opened read-write, which Linux
// allows without waiting for a writer, so that pagelint's write meets a
// reader; fifoRead reads what arrived.
func readFIFO(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		path := filepath.Join(dir, name)
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		fifoReaders[path] = f
	}
}

// fifoRead reads what was written into a FIFO of readFIFO: all of it is in
// the pipe's buffer once pagelint has returned.
func fifoRead(t *testing.T, path string) string {
	t.Helper()
	f := fifoReaders[path]
	if err := f.SetReadDeadline(time.Now().Add(200 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, _ = io.Copy(&buf, f) // ends at the deadline
	return buf.String()
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
