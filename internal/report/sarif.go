package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
)

// SARIF 2.1.0, the subset pagelint writes. GitHub code scanning reads it.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRoot is the uriBaseId of files: the repository root (Options.BaseDir).
	srcRoot = "%SRCROOT%"
	// fingerprintKey names pagelint's partial fingerprint; the version
	// suffix changes whenever the hash's inputs do.
	fingerprintKey = "pagelintFingerprint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
	// ColumnKind says how columns count: pagelint counts code points.
	ColumnKind string `json:"columnKind"`
}

// sarifInvocation is written only for a run that did not end well: one
// that was interrupted, or did not make a check (see checksNotMade).
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

// sarifInvocations says what a run did not finish (an error: the
// invocation failed) or did not check (a warning: the home-page items
// it skipped, the external links it could not reach).
func sarifInvocations(s Summary) []sarifInvocation {
	var notes []sarifNotification
	if s.Interrupted {
		notes = append(notes, sarifNotification{Level: "error", Message: sarifText{Text: interruptedNote}})
	}
	for _, c := range checksNotMade(s) {
		notes = append(notes, sarifNotification{Level: "warning", Message: sarifText{Text: c.note}})
	}
	if notes == nil {
		return nil
	}
	return []sarifInvocation{{ExecutionSuccessful: !s.Interrupted, ToolExecutionNotifications: notes}}
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	HelpURI              string        `json:"helpUri"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// BaselineState is "new" or "unchanged" when the run was compared
	// with an earlier report.
	BaselineState string           `json:"baselineState,omitempty"`
	Properties    *sarifProperties `json:"properties,omitempty"`
}

type sarifProperties struct {
	Context finding.Context `json:"pagelint/context,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
	// URIBaseID is set for files: the URI is relative to the repository
	// root, which GitHub code scanning calls %SRCROOT%.
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// WriteSARIF writes a SARIF 2.1.0 log with one run, for GitHub code
// scanning and other SARIF viewers.
func WriteSARIF(w io.Writer, r *Report, opt Options) error {
	rules := reportRules(r)
	ruleIndex := map[string]int{}
	driver := sarifDriver{
		Name:           "pagelint",
		Version:        r.Tool.Version,
		InformationURI: InformationURI,
		Rules:          make([]sarifRule, 0, len(rules)),
	}
	for _, rule := range rules {
		ruleIndex[rule.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(rule))
	}
	findings := sortedFindings(r)
	var prints fingerprinter
	newOnes := r.Comparison.marker()
	result := func(i int) any {
		f := &findings[i]
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           ruleIndex[f.Rule],
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			Locations:           []sarifLocation{sarifLocationOf(*f, opt.BaseDir)},
			PartialFingerprints: map[string]string{fingerprintKey: prints.next(*f)},
		}
		if len(f.Context) > 0 {
			res.Properties = &sarifProperties{Context: f.Context}
		}
		if r.Comparison != nil {
			res.BaselineState = "unchanged"
			if newOnes.isNew(*f) {
				res.BaselineState = "new"
			}
		}
		return &res
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, Invocations: sarifInvocations(r.Summary), ColumnKind: "unicodeCodePoints"}},
	}
	return writeStreamedJSON(w, log, streamedArray{key: "results", depth: 3, n: len(findings), item: result})
}

func sarifRuleOf(rule finding.Rule) sarifRule {
	desc := rule.Description
	if desc == "" {
		desc = rule.ID
		if name, ok := strings.CutPrefix(rule.ID, "assert/"); ok {
			desc = "custom assertion " + `"` + name + `"` + " of the config"
		}
	}
	short, _, _ := strings.Cut(desc, "\n")
	return sarifRule{
		ID:                   rule.ID,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: desc},
		Help:                 sarifText{Text: desc + "\n\nSee " + helpURI(rule)},
		HelpURI:              helpURI(rule),
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(rule.Severity)},
	}
}

func sarifLevel(s finding.Severity) string { return severityWord(s, "error", "warning", "note") }

func sarifLocationOf(f finding.Finding, baseDir string) sarifLocation {
	artifact := sarifArtifact{URI: f.Source}
	if !isURL(f.Source) {
		artifact = sarifArtifact{URI: artifactURI(repoPath(f.Source, baseDir)), URIBaseID: srcRoot}
	}
	// A finding without a line (a rendered DOM, a page-wide finding)
	// points at the top of the page, as GitHub needs a region to show it.
	region := &sarifRegion{StartLine: 1, EndLine: 1}
	if f.Line > 0 {
		// A text snapshot has lines only: the columns are left out.
		region = &sarifRegion{StartLine: f.Line, StartColumn: f.Column, EndLine: f.Line, EndColumn: f.Column}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact, Region: region}}
	if f.Selector != "" {
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Selector, Kind: "element"}}
	}
	return loc
}

// artifactURI is a repository path as a URI reference: slash-separated
// and percent-encoded; standard input is "stdin".
func artifactURI(path string) string {
	if path == "-" {
		return "stdin"
	}
	return (&url.URL{Path: path}).String()
}

func isURL(source string) bool {
	u, err := url.Parse(source)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https")
}

// repoPath is a file source as a slash-separated path relative to baseDir
// (the repository root), the form code scanning, GitLab and GitHub
// annotations place findings by. Sources are as given on the command line,
// relative to the working directory. With no baseDir, or for URLs and
// standard input, the source stays as it is.
func repoPath(source, baseDir string) string {
	if baseDir == "" || source == "-" || isURL(source) {
		return source
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		return filepath.ToSlash(source)
	}
	rel, err := filepath.Rel(baseDir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}
