package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline records how many findings of each rule each page had when it
// was written. Counts, not lines: editing a page above a known finding
// does not make it new.
type Baseline struct {
	Entries []BaselineEntry
}

// BaselineEntry counts one rule's findings on one page.
type BaselineEntry struct {
	Source string `json:"source"`
	Rule   string `json:"rule"`
	Count  int    `json:"count"`
}

// baselineFile is the JSON form. "pagelintBaseline" both marks the file
// as ours and carries its version.
type baselineFile struct {
	Version *int            `json:"pagelintBaseline"`
	Entries []BaselineEntry `json:"entries"`
}

type baselineKey struct{ source, rule string }

// NewBaseline records the findings of a run.
func NewBaseline(findings []finding.Finding) *Baseline {
	counts := map[baselineKey]int{}
	for _, f := range findings {
		counts[baselineKey{f.Source, f.Rule}]++
	}
	b := &Baseline{Entries: make([]BaselineEntry, 0, len(counts))}
	for k, n := range counts {
		b.Entries = append(b.Entries, BaselineEntry{Source: k.source, Rule: k.rule, Count: n})
	}
	sortEntries(b.Entries)
	return b
}

func sortEntries(entries []BaselineEntry) {
	slices.SortFunc(entries, func(a, b BaselineEntry) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Rule, b.Rule))
	})
}

// ReadBaseline reads a baseline file that Write wrote.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := fsutil.ReadFile(path, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read the baseline %s: %w", path, err)
	}
	var file baselineFile
	if err := json.Unmarshal(data, &file); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, fmt.Errorf("%s: truncated or invalid JSON at offset %d", path, syntax.Offset)
		}
		return nil, fmt.Errorf("%s: not a pagelint baseline", path)
	}
	if file.Version == nil {
		return nil, fmt.Errorf("%s: not a pagelint baseline", path)
	}
	if *file.Version != BaselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d is not supported (want %d)", path, *file.Version, BaselineVersion)
	}
	seen := map[baselineKey]bool{}
	for i, e := range file.Entries {
		k := baselineKey{e.Source, e.Rule}
		switch {
		case e.Source == "" || e.Rule == "":
			return nil, fmt.Errorf("%s: entry %d lacks a source or rule", path, i+1)
		case e.Count < 1:
			return nil, fmt.Errorf("%s: entry %d has count %d (want 1 or more)", path, i+1, e.Count)
		case seen[k]:
			return nil, fmt.Errorf("%s: entry %d repeats source %q and rule %q", path, i+1, e.Source, e.Rule)
		}
		seen[k] = true
	}
	b := &Baseline{Entries: file.Entries}
	if b.Entries == nil {
		b.Entries = []BaselineEntry{}
	}
	sortEntries(b.Entries)
	return b, nil
}

// Write saves the baseline, sorted so that it diffs well under version
// control.
func (b *Baseline) Write(path string) error {
	v := BaselineVersion
	file := baselineFile{Version: &v, Entries: slices.Clone(b.Entries)}
	if file.Entries == nil {
		file.Entries = []BaselineEntry{}
	}
	sortEntries(file.Entries)
	var buf bytes.Buffer
	if err := writeIndentedJSON(&buf, file); err != nil {
		return err
	}
	if err := fsutil.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write the baseline: %w", err)
	}
	return nil
}

// Filter drops the findings the baseline knows: for each page and rule,
// the first Count findings in report order. kept holds the rest, in report
// order. stale lists, per page and rule, how many recorded findings no
// longer occur (Count is that number), so the baseline can be shrunk with
// --update-baseline.
func (b *Baseline) Filter(findings []finding.Finding) (kept []finding.Finding, stale []BaselineEntry) {
	allowance := map[baselineKey]int{}
	for _, e := range b.Entries {
		allowance[baselineKey{e.Source, e.Rule}] += e.Count
	}
	for _, f := range sorted(findings) {
		k := baselineKey{f.Source, f.Rule}
		if allowance[k] > 0 {
			allowance[k]--
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range b.Entries {
		k := baselineKey{e.Source, e.Rule}
		if n := allowance[k]; n > 0 {
			stale = append(stale, BaselineEntry{Source: e.Source, Rule: e.Rule, Count: n})
			allowance[k] = 0
		}
	}
	sortEntries(stale)
	return kept, stale
}

// String describes a stale entry for the run's log: "site/index.html:
// 2 link-broken findings of the baseline no longer occur".
func (e BaselineEntry) String() string {
	verb := "occur"
	if e.Count == 1 {
		verb = "occurs"
	}
	return fmt.Sprintf("%s: %s of the baseline no longer %s", e.Source,
		finding.Plural(e.Count, e.Rule+" finding", e.Rule+" findings"), verb)
}
