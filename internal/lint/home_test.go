package lint

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/schema"
)

// A footer with an outdated opt-out wording: us-privacy's home-page items
// find it wanting wherever they are checked.
const usPage = `<!DOCTYPE html><html lang="en"><head><title>Cake</title></head><body><main><h1>Cake</h1></main>
<footer><a href="https://example.com/privacy">Privacy Policy</a> <a href="https://example.com/opt-out">Do Not Sell My Personal Information</a>
<p>© 2026 Example</p></footer></body></html>`

const stubPage = `<html><head><meta http-equiv=refresh content="0; url=/en/index.html"></head><body></body></html>`

// TestHomePage: a page linted on its own is its site's home page; a
// directory's is its root index page; when none was linted, the run names
// the home-page items it left unchecked (docs/rules.md, "The home page").
func TestHomePage(t *testing.T) {
	cfg, err := schema.Default([]string{"us-privacy"})
	if err != nil {
		t.Fatal(err)
	}
	items := []string{"us-opt-out", "us-consumer-health-privacy", "us-privacy-policy"}
	for _, c := range []struct {
		name    string
		files   map[string]string
		input   string // relative to the site; "" is the site
		stdin   string
		skipped []string
		homeOn  string // the source whose findings include home-page items
	}{
		{name: "one saved page, whatever its name", files: map[string]string{"recipe.html": usPage}, input: "recipe.html", homeOn: "recipe.html"},
		{name: "a directory of one page", files: map[string]string{"recipe.html": usPage}, homeOn: "recipe.html"},
		{name: "a directory's root index page", files: map[string]string{"index.html": usPage, "recipe.html": usPage}, homeOn: "index.html"},
		{name: "several pages and no root index page", files: map[string]string{"cake.html": usPage, "pie.html": usPage}, skipped: items},
		{name: "a root index page that is a redirect stub", files: map[string]string{"index.html": stubPage, "en/index.html": usPage}, skipped: items},
		{name: "standard input", stdin: usPage, homeOn: "-"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Dir(t, c.files)
			opt := Options{Inputs: []string{filepath.Join(dir, c.input)}, Config: cfg, Offline: true}
			if c.stdin != "" {
				opt.Inputs, opt.Stdin = []string{"-"}, strings.NewReader(c.stdin)
			}
			res, err := Run(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.HomeItemsSkipped, c.skipped) {
				t.Errorf("HomeItemsSkipped = %q, want %q", res.HomeItemsSkipped, c.skipped)
			}
			var on []string
			for _, f := range res.Findings {
				if strings.HasPrefix(f.Context.Get("item"), "us-") {
					on = append(on, filepath.Base(f.Source))
				}
			}
			on = slices.Compact(on)
			if want := []string{c.homeOn}; c.homeOn == "" && len(on) > 0 || c.homeOn != "" && !slices.Equal(on, want) {
				t.Errorf("home-page items found wanting on %q, want on %q", on, c.homeOn)
			}
		})
	}
}
