package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/page/textpage/dumptest"
)

// TestRealDumpFindings dumps the pages of the example site and of the dump
// fixtures with the real lynx and w3m, in every variant the docs promise,
// and checks each dump in one run with the page's HTML source, under the
// site's config: the dump's findings must be the HTML's, less those that a
// dump cannot give (see expectedOfDump). Findings are compared by rule and
// subject (the link's target, the entry's label, the item, the notice);
// lines and messages differ between a page and its dump.
func TestRealDumpFindings(t *testing.T) {
	dumptest.Require(t)
	t.Setenv("NO_COLOR", "1")
	for _, s := range dumptest.Sites {
		// A copy of the site, so that each dump stands beside its page and
		// its links resolve in the site as the page's do.
		root := t.TempDir()
		if err := os.CopyFS(root, os.DirFS(filepath.Join("../..", s.Dir))); err != nil {
			t.Fatal(err)
		}
		rootSiteAtConfig(t, filepath.Join(root, "pagelint.json"))
		dropSuppressions(t, root)
		srv := dumptest.Serve(t, map[string]string{s.Host: root})
		for _, file := range s.Pages {
			for _, v := range dumptest.Variants {
				t.Run(s.Host+"/"+file+"/"+v.Name, func(t *testing.T) {
					dump, err := srv.Dump(context.Background(), v, s.URL(file))
					if err != nil {
						t.Fatal(err)
					}
					dumpFile := dumptest.DumpName(file, v)
					if err := os.WriteFile(filepath.Join(root, dumpFile), dump, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Chdir(root)
					found := checkJSON(t, file, dumpFile)
					want := expectedOfDump(found[file], v, linkTargets(t, dumpFile, s), s)
					got := findingKeys(found[dumpFile], s)
					if !slices.Equal(got, want) {
						t.Errorf("findings of the dump:\n  %s\nwant (the HTML's that a dump can give):\n  %s\n--- dump\n%s",
							strings.Join(got, "\n  "), strings.Join(want, "\n  "), dump)
					}
				})
			}
		}
	}
}

// rootSiteAtConfig sets site.root to the config's own directory, so that
// a page in a folder of the site resolves "/…" links against the site, as
// in a check of the whole site.
func rootSiteAtConfig(t *testing.T, config string) {
	t.Helper()
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	site, _ := cfg["site"].(map[string]any)
	if site == nil {
		site = map[string]any{}
	}
	site["root"] = "."
	cfg["site"] = site
	if b, err = json.Marshal(cfg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// suppression is a pagelint directive in an HTML comment.
var suppression = regexp.MustCompile(`<!--\s*pagelint-[^>]*-->`)

// dropSuppressions takes the directives out of the site's pages: comments
// do not survive a dump, so the dump's findings are compared with what
// the HTML finds without them.
func dropSuppressions(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, suppression.ReplaceAll(b, nil), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

type reportFinding struct {
	Rule    string            `json:"rule"`
	Message string            `json:"message"`
	Source  string            `json:"source"`
	Context map[string]string `json:"context"`
}

// checkJSON runs pagelint check on files in one run and returns the
// findings of each file.
func checkJSON(t *testing.T, files ...string) map[string][]reportFinding {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"pagelint", "check", "--offline", "--now", "2026-11-26", "-f", "json"}, files...)
	if code := run(args, nil, &stdout, &stderr); code > 1 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var report struct {
		Findings []reportFinding `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	out := map[string][]reportFinding{}
	for _, f := range report.Findings {
		out[f.Source] = append(out[f.Source], f)
	}
	return out
}

// linkTargets are the targets of the links that pagelint read in a dump,
// as site paths where they are on the site.
func linkTargets(t *testing.T, file string, s dumptest.Site) map[string]bool {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pagelint", "extract", file}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr.String())
	}
	var model struct {
		Links []struct {
			Target string `json:"target"`
		} `json:"links"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &model); err != nil {
		t.Fatal(err)
	}
	targets := map[string]bool{}
	for _, l := range model.Links {
		targets[s.SitePath(l.Target)] = true
	}
	return targets
}

// expectedOfDump is what a dump of a page should find, given the HTML's
// findings: all of them, except
//   - assertions, which both sides leave out: they test fields of the model
//     that a dump does not carry (lang, the title, base);
//   - link-no-text: a dump shows neither aria-label, title nor SVG titles,
//     so a link without text there is not reported, whatever its name;
//   - link findings on stylesheets, images and scripts: a dump has none;
//   - link findings on a links where the dump does not mark links (lynx
//     -nolist, w3m -dump), or on a link the dump does not show (an icon
//     link without text): their targets are unknown;
//   - nav-dead-link on an entry without href, or with "" or "#": a dump
//     writes no link for the first and the page's own URL for the others.
func expectedOfDump(html []reportFinding, v dumptest.Variant, targets map[string]bool, s dumptest.Site) []string {
	var keep []reportFinding
	for _, f := range html {
		switch f.Rule {
		case "link-no-text":
			continue
		case "link-broken", "link-fragment":
			if f.Context["tag"] != "a" || !v.MarksLinks || !targets[s.SitePath(f.Context["target"])] {
				continue
			}
		case "nav-dead-link":
			if href := f.Context["href"]; href == "" || href == "#" {
				continue
			}
		}
		keep = append(keep, f)
	}
	return findingKeys(keep, s)
}

// findingKeys names each finding by its rule and its subject, sorted,
// assertions left out.
func findingKeys(findings []reportFinding, s dumptest.Site) []string {
	keys := make([]string, 0, len(findings))
	for _, f := range findings {
		if strings.HasPrefix(f.Rule, "assert/") {
			continue
		}
		c := f.Context
		var subject string
		switch f.Rule {
		case "link-broken", "link-fragment", "link-no-text":
			subject = s.SitePath(c["target"])
		case "menu-duplicate":
			subject = c["label"] + " under " + c["parent"]
		case "nav-dead-link", "nav-required":
			subject = c["label"]
		case "footer-required":
			subject = c["item"]
		case "footer-copyright":
			subject = c["notice"]
		default:
			subject = f.Message
		}
		keys = append(keys, f.Rule+" "+subject)
	}
	slices.Sort(keys)
	return keys
}
