package report

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/finding"
)

//go:embed htmlreport/report.html.tmpl htmlreport/report.css htmlreport/report.js
var htmlAssets embed.FS

var htmlTemplate = template.Must(template.ParseFS(htmlAssets, "htmlreport/report.html.tmpl"))

// Chart geometry, in SVG user units.
const (
	chartWidth   = 640
	chartLabelW  = 230
	chartBarMaxW = 360
	chartRowH    = 22
	chartBarH    = 14
	chartMaxBars = 25
	// chartLabelChars is the length labels are shortened to.
	chartLabelChars = 36
)

type htmlData struct {
	Tool        Tool
	GeneratedAt string
	Summary     Summary
	Notes       []string // see summaryNotes
	Headline    headline
	Comparison  *Comparison
	Fixed       []htmlRow
	Counts      severityCounts
	Charts      []htmlChart
	Geometry    htmlGeometry
	Rules       []string
	Pages       []string
	Rows        []htmlRow
	Groups      []htmlGroup
	Data        template.JS
	CSS         template.CSS
	JS          template.JS
}

// htmlGroup is the findings of one page.
type htmlGroup struct {
	Source string
	Counts severityCounts
	Rows   []htmlRow
}

// CountsText is "1 error, 2 warnings, 0 info".
func (g htmlGroup) CountsText() string {
	return finding.Plural(g.Counts.Error, "error", "errors") + ", " + finding.Plural(g.Counts.Warning, "warning", "warnings") + ", " + strconv.Itoa(g.Counts.Info) + " info"
}

type htmlRow struct {
	Source, Location, Position, Severity, Rule, Message, Selector string
	// Change is "new" or "unchanged" when the report was compared.
	Change                    string
	Line, Column, Rank, Index int
}

// htmlGeometry is the charts' layout, which the report's script uses to
// draw them again for the findings the filters show.
type htmlGeometry struct {
	LabelW, BarMaxW, RowH, BarH, MaxBars, LabelChars int
}

type htmlChart struct {
	// Key is the row attribute the chart counts by (rule, source).
	ID, Title, Key string
	Width, Height  int
	Bars           []htmlBar
	More           int
}

type htmlBar struct {
	keyedCounts
	Label, Short  string
	Total         int
	TextY, CountX string
	Segments      []htmlSegment
}

type htmlSegment struct {
	Class      string
	X, Y, W, H string
}

// WriteHTML writes one self-contained HTML file: summary tiles, bar charts
// by rule and by page, and a table of the findings that can be filtered and
// sorted. Styles, script and charts are inline and a Content-Security-Policy
// forbids every request, so the file works offline and as a CI artefact.
// The report's JSON is embedded too, for tools that scrape the page.
func WriteHTML(w io.Writer, r *Report, _ Options) error {
	findings := sortedFindings(r)
	data := htmlData{Tool: r.Tool, GeneratedAt: r.GeneratedAt, Summary: r.Summary, Notes: summaryNotes(r.Summary, len(findings)),
		Comparison: r.Comparison,
		Geometry:   htmlGeometry{chartLabelW, chartBarMaxW, chartRowH, chartBarH, chartMaxBars, chartLabelChars}}
	data.Headline = headlineOf(r.Summary, len(findings))
	newOnes := r.Comparison.marker()
	for i, f := range findings {
		data.Counts.add(f.Severity)
		row := htmlRowOf(f, i)
		if r.Comparison != nil {
			row.Change = "unchanged"
			if newOnes.isNew(f) {
				row.Change = "new"
			}
		}
		data.Rows = append(data.Rows, row)
		if n := len(data.Groups); n == 0 || data.Groups[n-1].Source != f.Source {
			data.Groups = append(data.Groups, htmlGroup{Source: f.Source})
		}
		g := &data.Groups[len(data.Groups)-1]
		g.Counts.add(f.Severity)
		g.Rows = append(g.Rows, row)
	}
	if r.Comparison != nil {
		for i, f := range r.Comparison.sortedFixed() {
			data.Fixed = append(data.Fixed, htmlRowOf(f, i))
		}
	}
	byRuleCounts := countBy(findings, byRule)
	byPageCounts := countBy(findings, bySource)
	for _, c := range byRuleCounts {
		data.Rules = append(data.Rules, c.Key)
	}
	for _, c := range byPageCounts {
		data.Pages = append(data.Pages, c.Key)
	}
	data.Charts = []htmlChart{barChart("rule", "rule", "rule", byRuleCounts), barChart("page", "page", "source", byPageCounts)}

	// encoding/json escapes <, > and & (and U+2028/9), so nothing in the
	// data can close the script element it stands in.
	out := *r
	out.Findings = findings
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	js, err := json.Marshal(out)
	if err != nil {
		return err
	}
	data.Data = template.JS(js) //nolint:gosec // JSON with HTML escaping, see above
	css, err := htmlAssets.ReadFile("htmlreport/report.css")
	if err != nil {
		return err
	}
	script, err := htmlAssets.ReadFile("htmlreport/report.js")
	if err != nil {
		return err
	}
	data.CSS = template.CSS(css)  //nolint:gosec // our own embedded stylesheet
	data.JS = template.JS(script) //nolint:gosec // our own embedded script

	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// barChart lays out horizontal stacked bars (errors, warnings, info), the
// largest first, at most chartMaxBars of them.
func barChart(id, title, key string, counts []keyedCounts) htmlChart {
	counts = slices.Clone(counts)
	slices.SortStableFunc(counts, func(a, b keyedCounts) int { return cmp.Compare(b.total(), a.total()) })
	chart := htmlChart{ID: id, Title: title, Key: key, Width: chartWidth}
	if len(counts) > chartMaxBars {
		chart.More = len(counts) - chartMaxBars
		counts = counts[:chartMaxBars]
	}
	largest := 1
	for _, c := range counts {
		largest = max(largest, c.total())
	}
	for i, c := range counts {
		y := i * chartRowH
		bar := htmlBar{
			keyedCounts: c, Label: c.Key, Short: shorten(c.Key, chartLabelChars), Total: c.total(),
			TextY: strconv.Itoa(y + chartBarH - 2),
		}
		x := float64(chartLabelW)
		for _, part := range []struct {
			class string
			n     int
		}{{"error", c.Error}, {"warning", c.Warning}, {"info", c.Info}} {
			if part.n == 0 {
				continue
			}
			width := float64(part.n) / float64(largest) * chartBarMaxW
			bar.Segments = append(bar.Segments, htmlSegment{
				Class: part.class, X: svgNumber(x), Y: strconv.Itoa(y), W: svgNumber(width), H: strconv.Itoa(chartBarH),
			})
			x += width
		}
		bar.CountX = svgNumber(x + 6)
		chart.Bars = append(chart.Bars, bar)
	}
	chart.Height = max(len(chart.Bars)*chartRowH, chartRowH)
	return chart
}

func svgNumber(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// shorten keeps the end of long labels: the file name of a path tells
// more than its first directories.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n+1:])
}

// htmlRowOf is a finding as a row of the findings table; index is its
// place in report order, which sorting falls back to.
func htmlRowOf(f finding.Finding, index int) htmlRow {
	pos := strings.TrimPrefix(location(f), f.Source)
	pos = strings.TrimPrefix(pos, ":")
	return htmlRow{
		Source: f.Source, Location: location(f), Position: pos, Severity: f.Severity.String(), Rule: f.Rule,
		Message: f.Message, Selector: f.Selector, Line: f.Line, Column: f.Column, Rank: int(f.Severity), Index: index,
	}
}
