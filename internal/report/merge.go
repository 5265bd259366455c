package report

import (
	"encoding/json"
	"slices"

	"github.com/pagelint/pagelint/internal/finding"
)

// Merge combines reports, such as those of the shards of one run, into
// one: pages and links checked are summed, the duration is the longest
// (shards run side by side), findings that several reports hold are kept
// once, and the order is the report order. The newest generatedAt and the
// first report's tool are kept; the inputs are not changed.
func Merge(reports []*Report) *Report {
	out := &Report{SchemaVersion: SchemaVersion, Findings: []finding.Finding{}}
	seen := map[string]bool{}
	ruleSeen := map[string]bool{}
	for _, r := range reports {
		if r == nil {
			continue
		}
		if out.Tool.Name == "" {
			out.Tool = r.Tool
		}
		out.GeneratedAt = max(out.GeneratedAt, r.GeneratedAt)
		out.Summary.Pages += r.Summary.Pages
		out.Summary.LinksChecked += r.Summary.LinksChecked
		out.Summary.DurationMs = max(out.Summary.DurationMs, r.Summary.DurationMs)
		out.Summary.Offline = out.Summary.Offline || r.Summary.Offline
		out.Summary.LinksUnchecked += r.Summary.LinksUnchecked
		out.Summary.NoNetwork = out.Summary.NoNetwork || r.Summary.NoNetwork
		out.Summary.Interrupted = out.Summary.Interrupted || r.Summary.Interrupted
		out.Summary.LinksOffline += r.Summary.LinksOffline
		out.Summary.LinksUnresolved += r.Summary.LinksUnresolved
		for _, item := range r.Summary.HomeItemsSkipped {
			if !slices.Contains(out.Summary.HomeItemsSkipped, item) {
				out.Summary.HomeItemsSkipped = append(out.Summary.HomeItemsSkipped, item)
			}
		}
		out.Pages = append(out.Pages, r.Pages...)
		for _, rule := range r.Rules {
			if !ruleSeen[rule.ID] {
				ruleSeen[rule.ID] = true
				out.Rules = append(out.Rules, rule)
			}
		}
		for _, f := range r.Findings {
			key := findingKey(f)
			if !seen[key] {
				seen[key] = true
				out.Findings = append(out.Findings, f)
			}
		}
	}
	finding.Sort(out.Findings)
	slices.Sort(out.Pages)
	out.Pages = slices.Compact(out.Pages)
	out.Recount()
	return out
}

// findingKey identifies a finding by all it says; two shards that both
// report a site-wide finding report the same one.
func findingKey(f finding.Finding) string {
	b, err := json.Marshal(f) // a context's keys are sorted: the key is canonical
	if err != nil {
		return f.Rule + "\x00" + f.Source + "\x00" + f.Message
	}
	return string(b)
}
