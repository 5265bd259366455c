package report

import (
	"bytes"
	"cmp"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"google.golang.org/protobuf/proto"

	"github.com/pagelint/pagelint/internal/finding"
)

// WriteOpenMetrics writes the run's counts as OpenMetrics text, for
// Prometheus and Grafana (scraped from a file, or pushed to a Pushgateway):
// findings by rule, severity and page group, the pages, the links, and —
// when the run was compared with an earlier report — what is new and fixed.
func WriteOpenMetrics(w io.Writer, r *Report, _ Options) error {
	type key struct{ rule, severity, group string }
	counts := map[key]int{}
	root := commonDir(reportPages(r))
	for _, f := range r.Findings {
		counts[key{f.Rule, f.Severity.String(), pageGroup(f.Source, root)}]++
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.rule, b.rule), cmp.Compare(a.severity, b.severity), cmp.Compare(a.group, b.group))
	})
	findings := gaugeFamily("pagelint_findings", "Findings of the run by rule, severity and page group (the site's top directory the page is in).")
	for _, k := range keys {
		findings.Metric = append(findings.Metric, gauge(float64(counts[k]), "rule", k.rule, "severity", k.severity, "group", k.group))
	}
	bySeverity := gaugeFamily("pagelint_findings_by_severity", "Findings of the run by severity.")
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Info} {
		n := 0
		for _, f := range r.Findings {
			if f.Severity == sev {
				n++
			}
		}
		bySeverity.Metric = append(bySeverity.Metric, gauge(float64(n), "severity", sev.String()))
	}
	families := []*dto.MetricFamily{
		findings, bySeverity,
		single("pagelint_pages", "Pages linted.", float64(r.Summary.Pages)),
		single("pagelint_links_checked", "Distinct link targets checked.", float64(r.Summary.LinksChecked)),
		single("pagelint_links_unchecked", "External URLs left unchecked: links.deadline passed, the run was interrupted, or no external host could be reached.", float64(r.Summary.LinksUnchecked)),
		single("pagelint_run_duration_seconds", "Wall time of the run.", float64(r.Summary.DurationMs)/1000),
	}
	if t, err := time.Parse(time.RFC3339, r.GeneratedAt); err == nil {
		families = append(families, single("pagelint_report_generated_timestamp_seconds", "When the report was written, in seconds since the epoch.", float64(t.Unix())))
	}
	if c := r.Comparison; c != nil {
		families = append(families,
			single("pagelint_findings_new", "Findings that the earlier report compared with lacked.", float64(c.New)),
			single("pagelint_findings_fixed", "Findings of the earlier report compared with that are gone.", float64(c.Fixed)))
	}
	var buf bytes.Buffer
	for _, mf := range families {
		if _, err := expfmt.MetricFamilyToOpenMetrics(&buf, mf); err != nil {
			return err
		}
	}
	if _, err := expfmt.FinalizeOpenMetrics(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// pageGroup is the section of the site a page is in, for dashboards: the
// top directory below root (the directory all pages of the run share)
// that holds the page, "." for a page at the top; for a URL its host and
// first path segment. Few enough values to keep the series Prometheus
// stores to rules × severities × sections.
func pageGroup(source, root string) string {
	if isURL(source) {
		u, _ := url.Parse(source)
		rest := strings.TrimPrefix(u.Path, "/")
		first, _, nested := strings.Cut(rest, "/")
		if !nested {
			return u.Host
		}
		return u.Host + "/" + first
	}
	rel := strings.TrimPrefix(slashPath(source), root)
	first, _, nested := strings.Cut(strings.TrimPrefix(rel, "/"), "/")
	if !nested {
		return "."
	}
	return first
}

// commonDir is the directory that every file source lies in ("" when
// they share none).
func commonDir(sources []string) string {
	var dirs []string
	for _, s := range sources {
		if !isURL(s) {
			dirs = append(dirs, path.Dir(slashPath(s)))
		}
	}
	if len(dirs) == 0 {
		return ""
	}
	common := strings.Split(dirs[0], "/")
	for _, d := range dirs[1:] {
		parts := strings.Split(d, "/")
		n := 0
		for n < len(common) && n < len(parts) && common[n] == parts[n] {
			n++
		}
		common = common[:n]
	}
	dir := strings.Join(common, "/")
	if dir == "." {
		return ""
	}
	return dir
}

func slashPath(p string) string { return strings.ReplaceAll(p, `\`, "/") }

func gaugeFamily(name, help string) *dto.MetricFamily {
	return &dto.MetricFamily{Name: proto.String(name), Help: proto.String(help), Type: dto.MetricType_GAUGE.Enum()}
}

func single(name, help string, v float64) *dto.MetricFamily {
	mf := gaugeFamily(name, help)
	mf.Metric = []*dto.Metric{gauge(v)}
	return mf
}

// gauge is one sample with labels given as name, value pairs.
func gauge(v float64, labels ...string) *dto.Metric {
	m := &dto.Metric{Gauge: &dto.Gauge{Value: proto.Float64(v)}}
	for i := 0; i+1 < len(labels); i += 2 {
		m.Label = append(m.Label, &dto.LabelPair{Name: proto.String(labels[i]), Value: proto.String(labels[i+1])})
	}
	return m
}
