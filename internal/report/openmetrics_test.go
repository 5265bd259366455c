package report

import (
	"errors"
	"io"
	"testing"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/textparse"
)

// TestOpenMetricsParses reads the openmetrics report with Prometheus's own
// OpenMetrics parser, and checks the counts it holds.
func TestOpenMetricsParses(t *testing.T) {
	r := comparedReport()
	out := render(t, "openmetrics", r, Options{})
	p := textparse.NewOpenMetricsParser(out, labels.NewSymbolTable())
	samples := map[string]float64{}
	types := map[string]string{}
	for {
		entry, err := p.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Prometheus cannot parse the report: %v\n%s", err, out)
		}
		switch entry {
		case textparse.EntryType:
			name, typ := p.Type()
			types[string(name)] = string(typ)
		case textparse.EntrySeries:
			_, _, v := p.Series()
			var lset labels.Labels
			p.Labels(&lset)
			samples[lset.String()] = v
		}
	}
	if types["pagelint_findings"] != "gauge" {
		t.Errorf("pagelint_findings is of type %q, want gauge", types["pagelint_findings"])
	}
	want := map[string]float64{}
	for _, f := range r.Findings {
		l := labels.FromStrings("__name__", "pagelint_findings", "rule", f.Rule, "severity", f.Severity.String(), "group", pageGroup(f.Source, commonDir(reportPages(r))))
		want[l.String()]++
	}
	total := 0.0
	for k, v := range want {
		if samples[k] != v {
			t.Errorf("%s = %v, want %v", k, samples[k], v)
		}
		total += v
	}
	if total != float64(len(r.Findings)) {
		t.Errorf("the findings series add up to %v, want %d", total, len(r.Findings))
	}
	for k, v := range map[string]float64{
		`{__name__="pagelint_pages"}`:                                  float64(r.Summary.Pages),
		`{__name__="pagelint_findings_by_severity", severity="error"}`: float64(r.Summary.Error),
		`{__name__="pagelint_findings_new"}`:                           float64(r.Comparison.New),
		`{__name__="pagelint_findings_fixed"}`:                         float64(r.Comparison.Fixed),
	} {
		if samples[k] != v {
			t.Errorf("%s = %v, want %v", k, samples[k], v)
		}
	}
}

func TestPageGroup(t *testing.T) {
	sources := []string{"public/index.html", "public/docs/api/v1/x.html", "public/blog/a.html", "https://example.com/docs/a/b"}
	root := commonDir(sources)
	if root != "public" {
		t.Errorf("commonDir = %q, want public", root)
	}
	for in, want := range map[string]string{
		"public/index.html":             ".",
		"public/docs/api/v1/x.html":     "docs",
		"https://example.com/":          "example.com",
		"https://example.com/docs/a/b":  "example.com/docs",
		"https://example.com/page.html": "example.com",
	} {
		if got := pageGroup(in, root); got != want {
			t.Errorf("pageGroup(%q) = %q, want %q", in, got, want)
		}
	}
	if got := pageGroup("index.html", commonDir([]string{"index.html", "-"})); got != "." {
		t.Errorf("a page in the working directory is in group %q, want .", got)
	}
}
