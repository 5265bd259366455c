package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/pagelint/pagelint/internal/finding"
	"golang.org/x/net/html"
)

// htmlTestReport is the site report plus a message that tries to break out
// of the embedded JSON and of the table.
func htmlTestReport() *Report {
	r := siteReport()
	r.Findings = append(r.Findings, finding.Finding{
		Rule: "link-no-text", Severity: finding.Warning, Source: "site/contact.html", Line: 3, Column: 1,
		Message: `link "</script><script>window.pwned=1</script><img src=x onerror=window.pwned=2>" has no text`,
	})
	r.Recount()
	return r
}

func TestHTMLNeedsNoNetwork(t *testing.T) {
	out := render(t, "html", htmlTestReport(), Options{})
	z := html.NewTokenizer(bytes.NewReader(out))
	scripts := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "link", "iframe", "img", "object", "embed", "base":
				t.Errorf("the HTML report has a <%s> element", tok.Data)
			case "script":
				scripts++
			}
			for _, a := range tok.Attr {
				if a.Key == "href" && strings.HasPrefix(a.Val, "#") {
					continue // a link within the page (the skip link)
				}
				switch a.Key {
				case "src", "href", "srcset", "action", "poster", "data", "background":
					t.Errorf("<%s %s=%q> can load from the network", tok.Data, a.Key, a.Val)
				}
			}
		case html.TextToken:
			if strings.Contains(tok.Data, "url(") || strings.Contains(tok.Data, "@import") {
				t.Errorf("style or script text refers to a URL: %.80q", tok.Data)
			}
		}
	}
	if scripts != 2 {
		t.Errorf("%d script elements, want 2 (a message must not add one)", scripts)
	}
}

func chromePath(t *testing.T) string {
	t.Helper()
	path := os.Getenv("PAGELINT_CHROME")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("PAGELINT_REQUIRE_CHROME") == "1" {
			t.Fatalf("Chromium is required (PAGELINT_REQUIRE_CHROME=1) but missing: %v", err)
		}
		t.Skipf("Chromium not found at %s (set PAGELINT_CHROME)", path)
	}
	return path
}

// browserPage is a report opened in headless Chromium, with the console
// errors, exceptions and requests the page caused.
type browserPage struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

func (p *browserPage) note(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

// openInChromium writes the report as HTML and loads it from a file:// URL.
func openInChromium(t *testing.T, r *Report) *browserPage {
	t.Helper()
	chrome := chromePath(t)
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, render(t, "html", r, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		// Chromium makes its socket directory in TMPDIR, and a browser
		// that is stopped by a signal leaves it there.
		chromedp.Env("TMPDIR="+t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	// A guard against a hung browser, not a measure of speed.
	ctx, cancelGuard := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelGuard)

	p := &browserPage{ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			switch ev.Type {
			case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeAssert, runtime.ConsoleAPICalledTypeWarning:
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.note("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			details := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				details += " " + ev.ExceptionDetails.Exception.Description
			}
			p.note("exception at %d:%d: %s", ev.ExceptionDetails.LineNumber+1, ev.ExceptionDetails.ColumnNumber+1, details)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				p.note("log %s: %s", ev.Entry.Level, ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(ev.Request.URL, "file://") {
				p.note("request: %s", ev.Request.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitReady(chromedp.CSS("#count-pages"))); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *browserPage) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func (p *browserPage) eval(t *testing.T, expr string) int {
	t.Helper()
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return n
}

// checkQuiet fails the test for every console error, exception or request
// the page caused. Listen has seen every event sent before the reply to
// the last command, so one more command flushes them.
func (p *browserPage) checkQuiet(t *testing.T) {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`1`)); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, problem := range p.problems {
		t.Errorf("browser: %s", problem)
	}
}

func TestCleanHTMLReportInChromium(t *testing.T) {
	r := cleanReport()
	p := openInChromium(t, r)
	if got := p.text(t, "#count-pages"); got != strconv.Itoa(r.Summary.Pages) {
		t.Errorf("pages tile shows %q, want %d", got, r.Summary.Pages)
	}
	if got := p.eval(t, `document.querySelectorAll('#no-problems').length + document.querySelectorAll('#findings').length * 10`); got != 1 {
		t.Errorf("a clean report shows no \"no problems\" line, or a findings table (%d)", got)
	}
	p.checkQuiet(t)
}

// TestHTMLReportInChromium loads the report in headless Chromium: no
// console error and no request, the tiles show the report's counts, and
// the filters and the sorting work.
func TestHTMLReportInChromium(t *testing.T) {
	r := htmlTestReport()
	p := openInChromium(t, r)
	ctx := p.ctx
	text := func(sel string) string { t.Helper(); return p.text(t, sel) }
	eval := func(expr string) int { t.Helper(); return p.eval(t, expr) }
	const visibleRows = `document.querySelectorAll('#findings tr.finding:not([hidden])').length`

	for sel, want := range map[string]int{
		"#count-pages": r.Summary.Pages, "#count-error": r.Summary.Error, "#count-warning": r.Summary.Warning,
		"#count-info": r.Summary.Info, "#count-links": r.Summary.LinksChecked, "#shown-count": len(r.Findings),
	} {
		if got := text(sel); got != strconv.Itoa(want) {
			t.Errorf("%s shows %q, want %d", sel, got, want)
		}
	}
	if got := eval(visibleRows); got != len(r.Findings) {
		t.Errorf("%d rows shown, want %d", got, len(r.Findings))
	}
	if got := text("#generated-at"); !strings.Contains(got, r.GeneratedAt) {
		t.Errorf("generated-at shows %q, want %s", got, r.GeneratedAt)
	}
	if got := eval(`JSON.parse(document.getElementById('pagelint-report').textContent).findings.length`); got != len(r.Findings) {
		t.Errorf("embedded JSON has %d findings, want %d", got, len(r.Findings))
	}
	if got := eval(`(window.pwned || 0) + document.scripts.length * 10`); got != 20 {
		t.Errorf("a message ran script or added a script element (%d)", got)
	}
	if got := eval(`document.querySelectorAll('#chart-rule rect').length`); got == 0 {
		t.Errorf("the chart by rule has no bars")
	}

	// The screenshot shows the report as it opens.
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		t.Fatal(err)
	}
	shotPath := filepath.Join(t.TempDir(), "html-report.png")
	if *update {
		shotPath = filepath.Join("testdata", "html-report.png")
	}
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shotPath)

	// A severity filter shows only that severity.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#filter-severity"), "error"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('filter-severity').dispatchEvent(new Event('change'))`),
	); err != nil {
		t.Fatal(err)
	}
	if got := eval(visibleRows); got != r.Summary.Error {
		t.Errorf("severity error: %d rows shown, want %d", got, r.Summary.Error)
	}
	if got := text("#shown-count"); got != strconv.Itoa(r.Summary.Error) {
		t.Errorf("severity error: counter shows %s, want %d", got, r.Summary.Error)
	}
	if got := eval(`document.querySelectorAll('#findings tr.finding:not([hidden]):not([data-severity=error])').length`); got != 0 {
		t.Errorf("severity error: %d rows of other severities shown", got)
	}

	// Page and text filters narrow further; clearing them shows all again.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#filter-page"), "site/index.html"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('filter-page').dispatchEvent(new Event('change'))`),
		chromedp.SendKeys(chromedp.CSS("#filter-text"), "cloud"),
	); err != nil {
		t.Fatal(err)
	}
	if got := eval(visibleRows); got != 2 {
		t.Errorf("error + site/index.html + \"cloud\": %d rows shown, want 2", got)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`
		for (const id of ['filter-severity', 'filter-page']) {
			const el = document.getElementById(id); el.value = ''; el.dispatchEvent(new Event('change'));
		}
		const q = document.getElementById('filter-text'); q.value = ''; q.dispatchEvent(new Event('input'));`)); err != nil {
		t.Fatal(err)
	}
	if got := eval(visibleRows); got != len(r.Findings) {
		t.Errorf("after clearing the filters %d rows shown, want %d", got, len(r.Findings))
	}

	// Clicking a header sorts each page's findings by it; clicking again
	// reverses.
	sortedBy := func(dir string) string {
		return `Array.from(document.querySelectorAll('#findings tbody')).every(function (tb) {
			var r = Array.from(tb.querySelectorAll('tr.finding')).map(function (tr) { return +tr.dataset.rank; });
			return r.every(function (v, i) { return i === 0 || ` + dir + `; });
		}) ? 1 : 0`
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-sort="severity"] button`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(sortedBy("r[i-1] >= v")); got != 1 {
		t.Errorf("sorted by severity: a page's findings are not strongest first")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-sort="severity"] button`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(sortedBy("r[i-1] <= v")); got != 1 {
		t.Errorf("sorted by severity, reversed: a page's findings are not weakest first")
	}

	p.checkQuiet(t)
}
