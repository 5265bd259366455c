package report

import (
	"strconv"
	"time"

	"github.com/pagelint/pagelint/internal/finding"
)

// Comparison is what changed between an earlier report and this one
// (`pagelint diff`, `check --compare`), by fingerprint: a finding is the
// same when its rule, page, selector and message are, wherever its line.
type Comparison struct {
	// Since is the earlier report's generatedAt.
	Since     string `json:"since"`
	New       int    `json:"new"`
	Fixed     int    `json:"fixed"`
	Unchanged int    `json:"unchanged"`
	// NewFindings are this report's findings the earlier one lacks;
	// FixedFindings the earlier report's findings this one lacks.
	NewFindings   []finding.Finding `json:"newFindings"`
	FixedFindings []finding.Finding `json:"fixedFindings"`
}

// Compare tells which findings of current are new since old, and which of
// old are fixed.
func Compare(old, current *Report) *Comparison {
	oldFindings, curFindings := sortedFindings(old), sortedFindings(current)
	oldPrints, curPrints := fingerprints(oldFindings), fingerprints(curFindings)
	inOld := map[string]bool{}
	for _, p := range oldPrints {
		inOld[p] = true
	}
	inCur := map[string]bool{}
	for _, p := range curPrints {
		inCur[p] = true
	}
	c := &Comparison{Since: old.GeneratedAt, NewFindings: []finding.Finding{}, FixedFindings: []finding.Finding{}}
	for i, f := range curFindings {
		if inOld[curPrints[i]] {
			c.Unchanged++
		} else {
			c.NewFindings = append(c.NewFindings, f)
		}
	}
	for i, f := range oldFindings {
		if !inCur[oldPrints[i]] {
			c.FixedFindings = append(c.FixedFindings, f)
		}
	}
	c.New, c.Fixed = len(c.NewFindings), len(c.FixedFindings)
	return c
}

// Headline is the comparison in a few words: "3 new, 5 fixed since
// 2026-11-30 17:00 UTC".
func (c *Comparison) Headline() string {
	since := c.Since
	if t, err := time.Parse(time.RFC3339, since); err == nil {
		since = t.UTC().Format("2006-01-02 15:04 UTC")
	}
	if since == "" {
		since = "the earlier report"
	}
	return strconv.Itoa(c.New) + " new, " + strconv.Itoa(c.Fixed) + " fixed since " + since
}

// newMarker tells, finding by finding of a sorted list, which are new:
// it counts off the comparison's new findings as it meets them, so that
// of two identical findings only as many count as new as are.
type newMarker map[string]int

func (c *Comparison) marker() newMarker {
	var m newMarker
	if c != nil {
		m = newMarker{}
		for _, f := range c.NewFindings {
			m[findingKey(f)]++
		}
	}
	return m
}

// isNew reports whether f is one of the new findings, counting it off.
// A nil marker (no comparison) knows none.
func (m newMarker) isNew(f finding.Finding) bool {
	if len(m) == 0 {
		return false
	}
	k := findingKey(f)
	if m[k] == 0 {
		return false
	}
	m[k]--
	return true
}

// sortedFixed returns the fixed findings in report order.
func (c *Comparison) sortedFixed() []finding.Finding {
	return sorted(c.FixedFindings)
}
