package lint

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/internal/source"
)

// checkTextSnapshots refuses a bad pattern in site.textSnapshots before
// any page is read.
func checkTextSnapshots(opt *Options) error {
	if _, err := source.MatchAny(opt.Config.Site.TextSnapshots, "x"); err != nil {
		return fmt.Errorf("site.textSnapshots: %w", err)
	}
	return nil
}

// isTextSnapshot tells whether the config names file a rendered-text
// snapshot (site.textSnapshots, relative to the config file).
func isTextSnapshot(file string, opt *Options) bool {
	patterns := opt.Config.Site.TextSnapshots
	if len(patterns) == 0 {
		return false
	}
	rel, ok := relativeTo(configDir(opt), file)
	if !ok {
		return false
	}
	match, _ := source.MatchAny(patterns, rel)
	return match
}

// isHookPage tells whether a file named on the command line is a page that
// --only-pages lints: an HTML file, or a text snapshot the config names.
// A pre-commit hook is handed every changed file of a pattern; a README
// is no page of the site.
func isHookPage(file string, opt *Options) bool {
	if opt.InputFormat == "html" {
		return true
	}
	if isTextSnapshot(file, opt) {
		return true
	}
	if opt.InputFormat == "text" {
		return false
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// hookRoot is the site root of a file --only-pages lints: site.root when
// the file is inside it, else the config's directory — the repository's
// root when the config is there — never the file's own directory, whose
// "/"-relative links would all look broken. ok is false for a file outside
// both: no page of this site.
func hookRoot(file string, opt *Options) (root string, ok bool) {
	if r := opt.Config.SiteRoot(); r != "" {
		if _, in := relativeTo(r, file); in || isTextSnapshot(file, opt) {
			return relToCwdPath(r), true
		}
	}
	if _, in := relativeTo(configDir(opt), file); !in {
		return "", false
	}
	return relToCwdPath(configDir(opt)), true
}

// relToCwdPath is dir as relToCwd names it.
func relToCwdPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return relToCwd(abs)
}

func configDir(opt *Options) string {
	if opt.Config.Dir == "" {
		return "."
	}
	return opt.Config.Dir
}

// relativeTo is file as a slash path relative to dir, and false when it
// is not below dir.
func relativeTo(dir, file string) (string, bool) {
	absDir, err1 := filepath.Abs(dir)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absDir, absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
