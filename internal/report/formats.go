package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"github.com/pagelint/pagelint/internal/finding"
)

// Project addresses the formats link to (SARIF informationUri, helpUri).
const (
	InformationURI = "https://github.com/pagelint/pagelint"
	rulesDocURI    = InformationURI + "/blob/main/README.md#rules"
)

var writers = map[string]Writer{
	"text":        WriteText,
	"json":        WriteJSON,
	"sarif":       WriteSARIF,
	"junit":       WriteJUnit,
	"github":      WriteGitHub,
	"codeclimate": WriteCodeClimate,
	"markdown":    WriteMarkdown,
	"html":        WriteHTML,
	"openmetrics": WriteOpenMetrics,
}

// Lookup returns the writer of a format name such as "sarif".
func Lookup(format string) (Writer, bool) {
	w, ok := writers[format]
	return w, ok
}

// Formats lists the format names Lookup knows, text first (the default),
// the others in alphabetical order.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for name := range writers {
		if name != "text" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return append([]string{"text"}, names...)
}

// Recount sets the finding counts of the summary from r.Findings, for
// callers that filtered the findings (baselines, --quiet) after the run.
func (r *Report) Recount() {
	r.Summary.Findings = len(r.Findings)
	c := countSeverities(r.Findings)
	r.Summary.Error, r.Summary.Warning, r.Summary.Info = c.Error, c.Warning, c.Info
}

// severityCounts counts findings per severity.
type severityCounts struct{ Error, Warning, Info int }

func (c *severityCounts) add(s finding.Severity) {
	switch s {
	case finding.Error:
		c.Error++
	case finding.Warning:
		c.Warning++
	case finding.Info:
		c.Info++
	}
}

func (c severityCounts) total() int { return c.Error + c.Warning + c.Info }

func countSeverities(findings []finding.Finding) severityCounts {
	var c severityCounts
	for _, f := range findings {
		c.add(f.Severity)
	}
	return c
}

// severityWord is a format's word for a severity: for an error, for a
// warning, and for anything weaker.
func severityWord(s finding.Severity, errorWord, warningWord, weakerWord string) string {
	switch s {
	case finding.Error:
		return errorWord
	case finding.Warning:
		return warningWord
	default:
		return weakerWord
	}
}

// keyedCounts is a count per key (rule or page), in first-seen order.
type keyedCounts struct {
	Key string
	severityCounts
}

// countBy groups findings by key, sorted by key.
func countBy(findings []finding.Finding, key func(finding.Finding) string) []keyedCounts {
	index := map[string]int{}
	var out []keyedCounts
	for _, f := range findings {
		k := key(f)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, keyedCounts{Key: k})
		}
		out[i].add(f.Severity)
	}
	slices.SortFunc(out, func(a, b keyedCounts) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func byRule(f finding.Finding) string   { return f.Rule }
func bySource(f finding.Finding) string { return f.Source }

// sortedFindings returns the report's findings in report order: the
// report's own slice when it is sorted already (a run's findings are), else
// a sorted copy, so that writers never reorder the caller's slice. Writers
// only read it.
func sortedFindings(r *Report) []finding.Finding {
	return sorted(r.Findings)
}

func sorted(findings []finding.Finding) []finding.Finding {
	if slices.IsSortedFunc(findings, finding.Compare) {
		return findings
	}
	fs := slices.Clone(findings)
	finding.Sort(fs)
	return fs
}

// ruleIsOff tells whether a rule of Report.Rules is switched off. A rule
// that is off by default (Rule.Off) counts as on once it has findings.
func ruleIsOff(rule finding.Rule, hasFindings bool) bool {
	if rule.Severity == finding.Off {
		return true
	}
	return rule.Off && !hasFindings
}

// reportRules lists the rules a report is about: those of Report.Rules
// (in their order) followed by any rule id that only findings name (a
// merged report carries no rules; assertions are named by the config).
// Rules that are off are left out.
func reportRules(r *Report) []finding.Rule {
	seen := map[string]bool{}
	hasFindings := map[string]bool{}
	for _, f := range r.Findings {
		hasFindings[f.Rule] = true
	}
	var out []finding.Rule
	for _, rule := range r.Rules {
		if seen[rule.ID] {
			continue
		}
		seen[rule.ID] = true
		if !ruleIsOff(rule, hasFindings[rule.ID]) {
			out = append(out, rule)
		}
	}
	var extra []string
	for id := range hasFindings {
		if !seen[id] {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		out = append(out, finding.Rule{ID: id, Severity: strongestSeverity(r.Findings, id)})
	}
	return out
}

func strongestSeverity(findings []finding.Finding, rule string) finding.Severity {
	s := finding.Unset
	for _, f := range findings {
		if f.Rule == rule && f.Severity > s {
			s = f.Severity
		}
	}
	return s
}

// reportPages lists the pages of a report: Report.Pages and every source
// a finding names, sorted.
func reportPages(r *Report) []string {
	pages := slices.Clone(r.Pages)
	last := ""
	for _, f := range r.Findings {
		if f.Source != last { // a page's findings mostly stand together
			pages = append(pages, f.Source)
			last = f.Source
		}
	}
	slices.Sort(pages)
	return slices.Compact(pages)
}

// helpURI points to the documentation of a rule: its own section, else
// (a rule only findings name, such as a config's assertion) the README's
// table of rules.
func helpURI(rule finding.Rule) string {
	if rule.Docs == "" {
		return rulesDocURI
	}
	return InformationURI + "/blob/main/" + rule.Docs
}

// fingerprints gives each finding of a sorted list an identity that stays
// the same when lines shift: a hash of rule, source, selector and message,
// and, for findings that share all four, the rank among them.
func fingerprints(findings []finding.Finding) []string {
	out := make([]string, len(findings))
	var fp fingerprinter
	for i, f := range findings {
		out[i] = fp.next(f)
	}
	return out
}

// fingerprinter gives findings their fingerprints one at a time, in report
// order, for the reports that write them as they go.
type fingerprinter struct {
	// seen counts the findings of each hash so far, by its hash.
	seen map[[sha256.Size]byte]int
}

func (fp *fingerprinter) next(f finding.Finding) string {
	h := sha256.New()
	for _, part := range []string{f.Rule, f.Source, f.Selector, f.Message} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	if fp.seen == nil {
		fp.seen = map[[sha256.Size]byte]int{}
	}
	n := fp.seen[sum]
	fp.seen[sum] = n + 1
	base := hex.EncodeToString(sum[:])
	if n > 0 {
		sum = sha256.Sum256([]byte(base + ":" + strconv.Itoa(n)))
		base = hex.EncodeToString(sum[:])
	}
	return base[:32]
}

// location renders "source:line:col", leaving out what is unknown.
func location(f finding.Finding) string {
	switch {
	case f.Line > 0 && f.Column > 0:
		return f.Source + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	case f.Line > 0:
		return f.Source + ":" + strconv.Itoa(f.Line)
	default:
		return f.Source
	}
}
