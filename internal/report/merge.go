package report

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/pagelint/pagelint/checks"
)

// Merge combines reports, such as those of the shards of one run, into
// one: pages and links checked are summed, the duration is the longest
// (shards run side by side), findings that several reports hold are kept
// once, and the order is the report order. The newest generatedAt and the
// first report's tool are kept; the inputs are not changed.
func Merge(reports []*Report) *Report {
	out := &Report{SchemaVersion: SchemaVersion, Findings: []checks.Finding{}}
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
	checks.Sort(out.Findings)
	slices.Sort(out.Pages)
	out.Pages = slices.Compact(out.Pages)
	out.Recount()
	return out
}

// findingKey identifies a finding by all it says; two shards that both
// report a site-wide finding report the same one.
func findingKey(f checks.Finding) string {
	b, err := json.Marshal(f) // map keys are sorted: the key is canonical
	if err != nil {
		return f.Rule + "\x00" + f.Source + "\x00" + f.Message
	}
	return string(b)
}

// CheckShards refuses a set of reports that cannot be the shards of one
// run: the same shard twice (a job's report given twice, or two jobs that
// ran the same share), or shards of different counts. names are the
// reports' file names, for the message. It returns the shards missing
// from a complete set, for a warning.
func CheckShards(names []string, reports []*Report) (missing []string, err error) {
	byShard := map[string]string{}
	count := 0
	countFrom := ""
	for i, r := range reports {
		if r.Shard == "" {
			continue
		}
		sh, err := ParseShard(r.Shard)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
		if prev, ok := byShard[r.Shard]; ok {
			return nil, fmt.Errorf("%s and %s are both shard %s", prev, names[i], r.Shard)
		}
		byShard[r.Shard] = names[i]
		if count != 0 && sh.Count != count {
			return nil, fmt.Errorf("%s is a shard of %d but %s one of %d", countFrom, count, names[i], sh.Count)
		}
		count, countFrom = sh.Count, names[i]
	}
	for i := 1; i <= count; i++ {
		if s := (Shard{Index: i, Count: count}).String(); byShard[s] == "" {
			missing = append(missing, s)
		}
	}
	return missing, nil
}
