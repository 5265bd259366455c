package schema

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name  string
		files []string // created below the temp root
		start string   // the directory Discover starts from
		want  string   // relative to start; "" when none
	}{
		{"in the directory", []string{"pagelint.json"}, ".", "pagelint.json"},
		{"json before yaml", []string{"pagelint.yaml", "pagelint.json"}, ".", "pagelint.json"},
		{"yaml before yml", []string{"pagelint.yml", "pagelint.yaml"}, ".", "pagelint.yaml"},
		{"plain before dotted", []string{".pagelint.json", "pagelint.yml"}, ".", "pagelint.yml"},
		{"dotted json before dotted yaml", []string{".pagelint.yaml", ".pagelint.json"}, ".", ".pagelint.json"},
		{"dotted yml", []string{".pagelint.yml"}, ".", ".pagelint.yml"},
		{"in a parent", []string{"pagelint.yaml", "site/public/index.html"}, "site/public", "../../pagelint.yaml"},
		{"nearest parent wins", []string{"pagelint.json", "site/.pagelint.yml", "site/public/index.html"}, "site/public", "../.pagelint.yml"},
		{"a directory of that name is no config", []string{"pagelint.json/x", "site/a.html"}, "site", ""},
		{"none", []string{"site/index.html"}, "site", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for _, f := range tt.files {
				testfs.WriteFile(t, filepath.Join(root, f), "{}")
			}
			start := filepath.Join(root, tt.start)
			if err := os.MkdirAll(start, 0o755); err != nil {
				t.Fatal(err)
			}
			// An absolute start gives an absolute path.
			got, err := Discover(start)
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.want != "" {
				want = filepath.Join(start, tt.want)
			}
			if got != want && !foundAbove(tt.want, got, root) {
				t.Errorf("Discover(abs) = %q, want %q", got, want)
			}
			// A relative start gives a path relative to the working
			// directory.
			t.Chdir(start)
			got, err = Discover(".")
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.FromSlash(tt.want) && !foundAbove(tt.want, got, root) {
				t.Errorf("Discover(.) = %q, want %q", got, tt.want)
			}
		})
	}
}

// foundAbove excuses a "none" case that found a config above the temp
// directory (on a developer's machine).
func foundAbove(want, got, root string) bool {
	return want == "" && got != "" && !isBelow(got, root)
}

// isBelow tells whether p lies in dir: a "none" case may still find a
// config above the temp directory on a developer's machine.
func isBelow(p, dir string) bool {
	if p == "" {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, abs)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != "../")
}
