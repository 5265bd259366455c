package report

import (
	"reflect"
	"slices"
	"testing"

	"github.com/pagelint/pagelint/internal/finding"
)

// shardOf cuts a report the way a sharded run would: shard index of count
// lints every count-th page (any split will do) and reports their findings.
func shardOf(full *Report, index, count int) *Report {
	var mine []string
	for i, p := range full.Pages {
		if i%count == index-1 {
			mine = append(mine, p)
		}
	}
	r := &Report{
		SchemaVersion: full.SchemaVersion, Tool: full.Tool, GeneratedAt: full.GeneratedAt,
		Pages: mine, Rules: full.Rules,
		Summary: Summary{Pages: len(mine), DurationMs: int64(10 * index)},
	}
	for _, f := range full.Findings {
		if slices.Contains(mine, f.Source) {
			r.Findings = append(r.Findings, f)
		}
	}
	r.Recount()
	return r
}

func TestMergeOfShardsEqualsUnshardedReport(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 7} {
		full := siteReport()
		full.Summary.LinksChecked = 0
		var shards []*Report
		for i := 1; i <= n; i++ {
			s := shardOf(full, i, n)
			s.Summary.LinksChecked = 10 * i
			full.Summary.LinksChecked += 10 * i
			shards = append(shards, s)
		}
		// A shard that repeats another's finding (a site-wide rule) must
		// not double it.
		shards = append(shards, &Report{SchemaVersion: 1, Tool: full.Tool, Findings: full.Findings[:1]})
		got := Merge(shards)

		want := siteReport()
		want.Summary.LinksChecked = full.Summary.LinksChecked
		want.Summary.DurationMs = int64(10 * n)
		finding.Sort(want.Findings)
		slices.Sort(want.Pages)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d shards: merged report differs\n got %+v\nwant %+v", n, got, want)
		}
	}
}

func TestMergeKeepsNewestDateAndOffline(t *testing.T) {
	a := &Report{SchemaVersion: 1, Tool: Tool{Name: "pagelint", Version: "0.3.0"}, GeneratedAt: "2026-11-26T17:00:00Z",
		Summary: Summary{LinksUnchecked: 2, LinksOffline: 1}}
	b := &Report{SchemaVersion: 1, Tool: Tool{Name: "pagelint", Version: "0.3.0"}, GeneratedAt: "2026-11-26T18:00:00Z",
		Summary: Summary{Offline: true, LinksUnchecked: 3, LinksOffline: 4, LinksUnresolved: 7, NoNetwork: true}}
	got := Merge([]*Report{a, nil, b})
	if got.GeneratedAt != b.GeneratedAt || !got.Summary.Offline || got.Summary.LinksUnchecked != 5 ||
		got.Summary.LinksOffline != 5 || got.Summary.LinksUnresolved != 7 || !got.Summary.NoNetwork {
		t.Errorf("Merge = %+v, want generatedAt %s, offline, 5 links unchecked, 5 offline, 7 unresolved, no network", got, b.GeneratedAt)
	}
	if got.Findings == nil {
		t.Errorf("findings of an empty merge are nil, want an empty list")
	}
	if empty := Merge(nil); empty.SchemaVersion != SchemaVersion {
		t.Errorf("Merge(nil).SchemaVersion = %d", empty.SchemaVersion)
	}
}

func TestMergeTellsDifferentContextsApart(t *testing.T) {
	f := finding.Finding{Rule: "link-broken", Severity: finding.Error, Message: "m", Source: "a.html", Line: 1, Column: 1,
		Context: finding.NewContext("href", "/x")}
	g := f
	g.Context = finding.NewContext("href", "/y")
	got := Merge([]*Report{{Findings: []finding.Finding{f}}, {Findings: []finding.Finding{g, f}}})
	if len(got.Findings) != 2 || got.Summary.Error != 2 {
		t.Errorf("Merge kept %d findings (%d errors), want 2", len(got.Findings), got.Summary.Error)
	}
}

func TestSummarize(t *testing.T) {
	r := siteReport()
	if got := Summarize(r.Findings, 5, 214, 88, false); !reflect.DeepEqual(got, r.Summary) {
		t.Errorf("Summarize = %+v, want %+v", got, r.Summary)
	}
}

// Shards each say which home-page items went unchecked; the merged report
// names each once.
func TestMergeHomeItemsSkipped(t *testing.T) {
	a, b, c := cleanReport(), cleanReport(), cleanReport()
	a.Summary.HomeItemsSkipped = []string{"us-opt-out", "us-privacy-policy"}
	b.Summary.HomeItemsSkipped = []string{"us-privacy-policy", "us-consumer-health-privacy"}
	got := Merge([]*Report{a, b, c}).Summary.HomeItemsSkipped
	if want := []string{"us-opt-out", "us-privacy-policy", "us-consumer-health-privacy"}; !reflect.DeepEqual(got, want) {
		t.Errorf("merged homeItemsSkipped = %q, want %q", got, want)
	}
}
