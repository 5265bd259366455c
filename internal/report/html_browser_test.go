package report

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pagelint/pagelint/internal/finding"
)

// comparedReport is the HTML test report compared with an earlier one
// that had two findings this one lacks and lacked one it has.
func comparedReport() *Report {
	old := htmlTestReport()
	old.GeneratedAt = "2026-11-20T08:00:00Z"
	old.Findings = append(old.Findings[1:], finding.Finding{Rule: "link-broken", Severity: finding.Error,
		Source: "site/gone.html", Line: 3, Column: 1, Message: `broken link "/old"`})
	cur := htmlTestReport()
	cur.Comparison = Compare(old, cur)
	return cur
}

// TestHTMLReportGroupsByPageAndFollowsFilters: one group of rows per page,
// each headed by the page, and the charts redrawn for the findings the
// filters show.
func TestHTMLReportGroupsByPageAndFollowsFilters(t *testing.T) {
	r := comparedReport()
	p := openInChromium(t, r)
	eval := func(expr string) int { t.Helper(); return p.eval(t, expr) }
	pages := len(countBy(r.Findings, bySource))
	if got := eval(`document.querySelectorAll('#findings tbody.page').length`); got != pages {
		t.Errorf("%d page groups, want %d", got, pages)
	}
	if got := eval(`Array.from(document.querySelectorAll('#findings tbody.page')).filter(function (tb) {
		return Array.from(tb.querySelectorAll('tr.finding')).some(function (tr) { return tr.dataset.source !== tb.dataset.source; }) ||
			tb.querySelector('.page-name').textContent !== tb.dataset.source; }).length`); got != 0 {
		t.Errorf("%d page groups hold findings of other pages or are headed by another page", got)
	}
	bars := func(chart string) int {
		return eval(`document.querySelectorAll('#chart-` + chart + ` g').length`)
	}
	if got := bars("rule"); got != len(countBy(r.Findings, byRule)) {
		t.Errorf("chart by rule has %d bars before filtering, want %d", got, len(countBy(r.Findings, byRule)))
	}
	// Only warnings: the charts count only them.
	if err := chromedp.Do(p.ctx,
		chromedp.SetValue(chromedp.CSS("#filter-severity"), "warning"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('filter-severity').dispatchEvent(new Event('change'))`),
	); err != nil {
		t.Fatal(err)
	}
	var warnings []finding.Finding
	for _, f := range r.Findings {
		if f.Severity == finding.Warning {
			warnings = append(warnings, f)
		}
	}
	if got := bars("rule"); got != len(countBy(warnings, byRule)) {
		t.Errorf("filtered to warnings: chart by rule has %d bars, want %d", got, len(countBy(warnings, byRule)))
	}
	if got := bars("page"); got != len(countBy(warnings, bySource)) {
		t.Errorf("filtered to warnings: chart by page has %d bars, want %d", got, len(countBy(warnings, bySource)))
	}
	if got := eval(`document.querySelectorAll('#chart-rule rect:not(.bar-warning), #chart-page rect:not(.bar-warning)').length`); got != 0 {
		t.Errorf("filtered to warnings: %d bars of other severities", got)
	}
	total := 0
	for _, c := range countBy(warnings, byRule) {
		total += c.total()
	}
	if got := eval(`Array.from(document.querySelectorAll('#chart-rule .count')).reduce(function (n, el) { return n + +el.textContent; }, 0)`); got != total {
		t.Errorf("filtered to warnings: chart by rule counts %d, want %d", got, total)
	}
	if got := eval(`document.querySelectorAll('#findings tbody.page:not([hidden])').length`); got != len(countBy(warnings, bySource)) {
		t.Errorf("filtered to warnings: %d page groups shown, want %d", got, len(countBy(warnings, bySource)))
	}

	// The comparison leads; new findings are marked and can be filtered.
	if got := p.text(t, "#changes"); !strings.HasPrefix(got, r.Comparison.Headline()) {
		t.Errorf("the report leads with %q, want %q", got, r.Comparison.Headline())
	}
	if err := chromedp.Do(p.ctx,
		chromedp.SetValue(chromedp.CSS("#filter-severity"), ""),
		chromedp.SetValue(chromedp.CSS("#filter-change"), "new"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('filter-change').dispatchEvent(new Event('change'))`),
	); err != nil {
		t.Fatal(err)
	}
	if got := eval(`document.querySelectorAll('#findings tr.finding:not([hidden]) .badge').length`); got != r.Comparison.New {
		t.Errorf("filtered to new findings: %d marked rows shown, want %d", got, r.Comparison.New)
	}
	if got := eval(`document.querySelectorAll('#fixed li').length`); got != r.Comparison.Fixed {
		t.Errorf("%d fixed findings listed, want %d", got, r.Comparison.Fixed)
	}
	p.checkQuiet(t)
}

// TestHTMLReportAt420Pixels: on a narrow screen nothing scrolls sideways
// and every finding's cells are shown.
func TestHTMLReportAt420Pixels(t *testing.T) {
	r := comparedReport()
	r.Findings = append(r.Findings, finding.Finding{Rule: "link-broken", Severity: finding.Error, Source: "site/" + strings.Repeat("very-long-directory-name/", 8) + "page.html",
		Line: 1, Column: 1, Message: "broken link \"/" + strings.Repeat("a-long-path-segment/", 10) + "\""})
	r.Recount()
	p := openInChromium(t, r)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(420, 900)); err != nil {
		t.Fatal(err)
	}
	if got := p.eval(t, `document.documentElement.scrollWidth`); got > 420 {
		t.Errorf("at 420 px the page is %d px wide: it scrolls sideways", got)
	}
	if got := p.eval(t, `Array.from(document.querySelectorAll('body *')).filter(function (el) {
		var b = el.getBoundingClientRect(); return b.width > 0 && b.right > 421; }).length`); got != 0 {
		t.Errorf("at 420 px %d elements reach past the right edge", got)
	}
	if got := p.eval(t, `Array.from(document.querySelectorAll('#findings tr.finding td')).filter(function (td) {
		return td.getBoundingClientRect().height === 0; }).length`); got != 0 {
		t.Errorf("at 420 px %d cells are not shown", got)
	}
	p.checkQuiet(t)
}

// TestHTMLReportFromTheKeyboard: Tab reaches the filters and the sort
// buttons, arrow keys choose a filter and Enter sorts.
func TestHTMLReportFromTheKeyboard(t *testing.T) {
	r := htmlTestReport()
	p := openInChromium(t, r)
	focused := func() string {
		t.Helper()
		s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`(document.activeElement.id || '') + '|' + (document.activeElement.closest('th') ? document.activeElement.closest('th').dataset.sort : '')`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tabTo := func(want string) {
		t.Helper()
		for range 40 {
			if focused() == want {
				return
			}
			if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
		}
		t.Fatalf("Tab never reached %q (last %q)", want, focused())
	}
	tabTo("filter-severity|")
	// In a closed select, the arrow keys step through the options.
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	if got := p.eval(t, `document.querySelectorAll('#findings tr.finding:not([hidden]):not([data-severity=error])').length`); got != 0 {
		t.Errorf("the keyboard chose no severity: %d other rows shown", got)
	}
	if got := p.text(t, "#shown-count"); got != strconv.Itoa(r.Summary.Error) {
		t.Errorf("after choosing errors from the keyboard the counter shows %s, want %d", got, r.Summary.Error)
	}
	tabTo("|severity")
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if got := p.eval(t, `document.querySelector('th[data-sort=severity]').getAttribute('aria-sort') === 'ascending' ? 1 : 0`); got != 1 {
		t.Errorf("Enter on the severity header did not sort by it")
	}
	p.checkQuiet(t)
}
