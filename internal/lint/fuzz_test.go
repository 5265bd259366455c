package lint

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/schema"
)

// maxFuzzPage bounds the pages FuzzCheckPage tries: how pagelint copes with
// large pages is for the benchmarks, and a fuzzer that grows its inputs
// would spend its time on a few of them.
const maxFuzzPage = 64 << 10

// FuzzCheckPage runs the whole lint over a site of two pages made of the
// fuzzer's bytes (each page, every check, the deferred links and the site
// checks), with every preset and an assertion: any input gives findings or
// an error, never a panic, and every finding names a page of the site.
func FuzzCheckPage(f *testing.F) {
	for _, seed := range []string{
		`<!DOCTYPE html><html lang="en"><head><title>t</title><base href="/a/"></head><body>
<nav aria-label="Main"><ul><li><a href="/">Home</a><ul><li><a href="b.html#x">B</a></ul></ul></nav>
<main id="x"><a href="#missing">m</a><a href="mailto:x">mail</a><a href="javascript:void(0)"></a></main>
<footer><a href="/privacy">Privacy</a> <button>Cookie settings</button> © 2019–2026 Example</footer></body></html>`,
		// Deep nesting: of elements, of menus, of formatting elements.
		"<!DOCTYPE html><body>" + strings.Repeat("<div>", 5000) + "<nav><a href=/x>x</a></nav>" + strings.Repeat("</div>", 5000),
		"<nav>" + strings.Repeat("<ul><li><a href=/x>x</a>", 200) + "</nav>",
		"<footer>" + strings.Repeat("<b><i>", 500) + "<a href=/p>Privacy</a> ©</footer>",
		"<table>" + strings.Repeat("<tr><td><nav><a href=#a>a</a>", 100),
		// Text snapshots.
		"Home\n* [Products](/p)\n  * [Cloud](/p/c)\n\n---\nPrivacy | Terms | © 2026\n",
		"\x1b[31mred\x1b[0m\n\n1. [a](#b)\n",
		"", "\xff\xfe<\x00", "<a href=\"\x1b]8;;x\x07\">\x1b</a>",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	cfg, err := schema.Default(schema.PresetNames())
	if err != nil {
		f.Fatal(err)
	}
	withAssertion := *cfg
	withAssertion.Assertions = []schema.Assertion{{ID: "tree", Schema: []byte(`{"definitions": {"e": {"properties": {"children": {"items": {"$ref": "#/definitions/e"}}}}},
		"properties": {"menus": {"items": {"properties": {"entries": {"items": {"$ref": "#/definitions/e"}}}}}}}`)}}
	if err := withAssertion.Compile(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string, text bool) {
		if len(data) > maxFuzzPage {
			return
		}
		dir := t.TempDir()
		format, name := "html", "index.html"
		if text {
			format, name = "text", "index.txt"
		}
		for _, file := range []string{name, filepath.Join("a", name)} {
			testfs.WriteFile(t, filepath.Join(dir, file), data)
		}
		res, err := Run(context.Background(), Options{
			Inputs: []string{filepath.Join(dir, name), filepath.Join(dir, "a", name)}, Config: &withAssertion,
			Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), InputFormat: format, Offline: true,
		})
		if err != nil {
			return
		}
		for _, finding := range res.Findings {
			if !strings.HasPrefix(finding.Source, dir) {
				t.Errorf("finding of %q, no page of the site", finding.Source)
			}
		}
	})
}
