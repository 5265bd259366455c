package report

import (
	"io"

	"github.com/pagelint/pagelint/internal/finding"
)

// codeClimateIssue is one entry of a GitLab Code Quality report (a subset
// of the Code Climate issue format).
type codeClimateIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Categories  []string            `json:"categories"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeClimateLocation `json:"location"`
}

type codeClimateLocation struct {
	Path  string           `json:"path"`
	Lines codeClimateLines `json:"lines"`
}

type codeClimateLines struct {
	Begin int `json:"begin"`
}

// WriteCodeClimate writes a GitLab Code Quality report: a JSON array of
// issues, each with a fingerprint that survives line shifts, so that GitLab
// shows what a merge request added or fixed.
func WriteCodeClimate(w io.Writer, r *Report, opt Options) error {
	findings := sortedFindings(r)
	var prints fingerprinter
	n := len(findings)
	if r.Summary.Interrupted {
		n++
	}
	return writeStreamedJSON(w, []codeClimateIssue{}, streamedArray{n: n, item: func(i int) any {
		if i == len(findings) {
			// The format has no summary: the interruption is an issue of
			// its own, the worst GitLab knows, so that no gate passes on it.
			return codeClimateIssue{
				Type: "issue", CheckName: "pagelint/interrupted", Description: interruptedNote,
				Categories: []string{"Bug Risk"}, Fingerprint: "pagelint-interrupted", Severity: "blocker",
				Location: codeClimateLocation{Path: ".", Lines: codeClimateLines{Begin: 1}},
			}
		}
		f := &findings[i]
		return codeClimateIssue{
			Type:        "issue",
			CheckName:   f.Rule,
			Description: f.Message,
			Categories:  []string{"Bug Risk"},
			Fingerprint: prints.next(*f),
			Severity:    codeClimateSeverity(f.Severity),
			// GitLab needs a line; a rendered DOM has none, so the
			// issue points at the top of the page.
			Location: codeClimateLocation{Path: repoPath(f.Source, opt.BaseDir), Lines: codeClimateLines{Begin: max(f.Line, 1)}},
		}
	}})
}

// codeClimateSeverity maps severities onto GitLab's scale (info, minor,
// major, critical, blocker). An error breaks a page, but not a build
// machine: major, leaving critical and blocker to tools that mean it.
func codeClimateSeverity(s finding.Severity) string {
	return severityWord(s, "major", "minor", "info")
}
