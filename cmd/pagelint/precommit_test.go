package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
	"sigs.k8s.io/yaml"
)

// hookSite is a repository as a pre-commit user has it: a config at the
// root with site.root and one text snapshot named, pages that link to each
// other by site paths, and text files that are no pages.
var hookSite = map[string]string{
	"pagelint.json": `{"extends": ["recommended"], "site": {"root": "public", "textSnapshots": ["snapshots/*.txt"]},
	  "rules": {"footer-copyright": "off"}}`,
	"public/index.html": `<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body>
<nav><a href="/about/">About</a> <a href="/docs/guide.html#install">Guide</a></nav>
<footer><a href="/privacy.html">Privacy</a></footer></body></html>`,
	"public/about/index.html": `<!DOCTYPE html><html lang="en"><head><title>About</title></head><body>
<nav><a href="/">Home</a></nav><footer><a href="/privacy.html">Privacy</a></footer></body></html>`,
	"public/docs/guide.html": `<!DOCTYPE html><html lang="en"><head><title>Guide</title></head><body>
<h2 id="install">Install</h2><a href="../index.html">Home</a> <a href="https://unreachable.invalid/">External</a>
<footer><a href="/privacy.html">Privacy</a></footer></body></html>`,
	"public/privacy.html": `<!DOCTYPE html><html lang="en"><head><title>Privacy</title></head><body>
<footer><a href="/privacy.html">Privacy</a></footer></body></html>`,
	"README.md":          "# My site\n\n* [Home](/)\n* [Nowhere](/nowhere.html)\n",
	"docs/notes.txt":     "Notes\n\n* a list\n* that is no page\n",
	"snapshots/home.txt": "- [Home](/)\n- [About](/about/)\n\n# Home\n\nWelcome.\n\nLegal\n\n- [Privacy](/privacy.html)\n- [Terms](/terms.html)\n\nMore\n\n- [Guide](/docs/guide.html)\n- [About](/about/)\n",
}

// shippedHook is the hook of .pre-commit-hooks.yaml.
type shippedHook struct {
	ID            string `json:"id"`
	Entry         string `json:"entry"`
	Files         string `json:"files"`
	PassFilenames bool   `json:"pass_filenames"`
	RequireSerial bool   `json:"require_serial"`
}

func readShippedHook(t *testing.T) shippedHook {
	t.Helper()
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []shippedHook
	if err := yaml.Unmarshal(b, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "pagelint" {
		t.Fatalf("want the one hook pagelint, got %+v", hooks)
	}
	return hooks[0]
}

// TestPreCommitHookEntry runs the shipped hook's entry as pre-commit would:
// from the repository root, with every changed file its files pattern
// takes. README.md and other text files are no pages; links resolve from
// site.root; nothing is fetched; the text snapshot the config names is
// linted.
func TestPreCommitHookEntry(t *testing.T) {
	hook := readShippedHook(t)
	if !hook.PassFilenames || !hook.RequireSerial {
		t.Errorf("the hook must take the file names, in one run: %+v", hook)
	}
	repo := t.TempDir()
	testfs.Write(t, repo, hookSite)
	t.Chdir(repo)
	files := regexp.MustCompile(hook.Files)
	var changed []string
	for name := range hookSite {
		if files.MatchString(name) {
			changed = append(changed, name)
		}
	}
	if len(changed) != 7 {
		t.Fatalf("the hook's files pattern takes %d of the files, want the 7 .html, .txt and .md", len(changed))
	}
	args := append(strings.Fields(hook.Entry), changed...)
	var stdout, stderr bytes.Buffer
	code := run(args, nil, &stdout, &stderr)
	// The snapshot lacks nothing the config requires but links to a page
	// that does not exist: its one finding. Nothing else.
	want := "snapshots/home.txt\n"
	if code != 1 || !strings.HasPrefix(stdout.String(), want) || strings.Count(stdout.String(), "link-broken") != 1 ||
		!strings.Contains(stdout.String(), `"/terms.html"`) || stderr.Len() != 0 {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}

	// Only a README changed: nothing to lint, and the commit goes through.
	stdout.Reset()
	if code := run(append(strings.Fields(hook.Entry), "README.md", "docs/notes.txt"), nil, &stdout, &stderr); code != 0 || stderr.Len() != 0 {
		t.Errorf("README.md alone: exit %d, stderr %q", code, stderr.String())
	}
}

// TestPreCommitFramework installs the hook from this repository with the
// real pre-commit and runs it on a commit of a site, offline (Go modules
// come from the local module cache).
func TestPreCommitFramework(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("PAGELINT_REQUIRE_PRECOMMIT") == "1" {
			t.Fatalf("pre-commit is required (PAGELINT_REQUIRE_PRECOMMIT=1) but missing: %v", err)
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if testing.Short() {
		t.Skip("builds pagelint inside pre-commit")
	}
	self, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	testfs.Write(t, repo, hookSite)
	testfs.Write(t, repo, map[string]string{".pre-commit-config.yaml": "repos: []\n"})
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"NO_COLOR=1")
	sh := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), exitCodeOf(t, err)
	}
	sh("git", "init", "-q")
	sh("git", "add", "-A")
	// try-repo installs the hook of a repository as it stands, uncommitted
	// changes included, and runs it on the files given.
	out, code := sh("pre-commit", "try-repo", self, "pagelint", "--all-files")
	if code != 1 || !strings.Contains(out, "snapshots/home.txt") || strings.Count(out, "link-broken") != 1 ||
		strings.Contains(out, "README.md") || strings.Contains(out, "notes.txt") {
		t.Fatalf("pre-commit on the site: exit %d\n%s", code, out)
	}
	// Fix the snapshot: the hook passes.
	testfs.Write(t, repo, map[string]string{"snapshots/home.txt": strings.Replace(hookSite["snapshots/home.txt"], "- [Terms](/terms.html)\n", "", 1)})
	sh("git", "add", "-A")
	if out, code := sh("pre-commit", "try-repo", self, "pagelint", "--all-files"); code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("pre-commit on the fixed site: exit %d\n%s", code, out)
	}
}
