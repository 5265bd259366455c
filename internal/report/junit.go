package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
)

// JUnit XML as GitLab, Jenkins and the GitHub test reporters read it: a
// suite per page, a test case per page and rule.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	File     string      `xml:"file,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

// WriteJUnit writes a JUnit XML report. Every rule that is on becomes a
// test case of every page, so that a page that passes a rule shows as a
// passing test, and the counts stay comparable from run to run.
func WriteJUnit(w io.Writer, r *Report, _ Options) error {
	rules := reportRules(r)
	perPage := map[string]map[string][]finding.Finding{}
	newOnes := r.Comparison.marker()
	anyNew := map[string]bool{} // page and rule with a new finding
	for _, f := range sortedFindings(r) {
		if newOnes.isNew(f) {
			anyNew[f.Source+"\x00"+f.Rule] = true
		}
		if perPage[f.Source] == nil {
			perPage[f.Source] = map[string][]finding.Finding{}
		}
		perPage[f.Source][f.Rule] = append(perPage[f.Source][f.Rule], f)
	}
	doc := junitSuites{Name: "pagelint"}
	for _, page := range reportPages(r) {
		suite := junitSuite{Name: page, File: page}
		for _, rule := range rules {
			tc := junitCase{Classname: page, Name: rule.ID, File: page}
			if found := perPage[page][rule.ID]; len(found) > 0 {
				tc.Line = found[0].Line
				tc.Failure = junitFailureOf(found)
				if anyNew[page+"\x00"+rule.ID] {
					tc.Failure.Message = "new: " + tc.Failure.Message
				}
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Suites = append(doc.Suites, suite)
	}
	if r.Summary.Interrupted {
		// A failing test of its own, so that no gate passes on the run.
		doc.Suites = append(doc.Suites, junitSuite{Name: "pagelint", Tests: 1, Failures: 1, Cases: []junitCase{{
			Classname: "pagelint", Name: "run",
			Failure: &junitFailure{Message: interruptedNote, Type: "interrupted", Body: interruptedNote},
		}}})
		doc.Tests++
		doc.Failures++
	}
	if note := homeSkipped(r.Summary); note != "" {
		// A skipped test, so that a dashboard shows the check not made.
		doc.Suites = append(doc.Suites, junitSuite{Name: "pagelint", Tests: 1, Skipped: 1, Cases: []junitCase{{
			Classname: "pagelint", Name: "home-page items", Skipped: &junitSkipped{Message: note},
		}}})
		doc.Tests++
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitFailureOf sums up one rule's findings on one page: the message
// says how many and quotes the first, the body lists them all.
func junitFailureOf(found []finding.Finding) *junitFailure {
	top := finding.Unset
	var body strings.Builder
	body.WriteString("\n")
	for _, f := range found {
		top = max(top, f.Severity)
		if f.Line > 0 {
			body.WriteString(strings.TrimPrefix(location(f), f.Source+":") + " ")
		}
		body.WriteString(f.Message)
		if f.Line == 0 && f.Selector != "" {
			body.WriteString(" (at " + f.Selector + ")")
		}
		body.WriteString("\n")
	}
	msg := found[0].Message
	if len(found) > 1 {
		msg = strconv.Itoa(len(found)) + " findings; first: " + msg
	}
	return &junitFailure{Message: msg, Type: top.String(), Body: xmlSafe(body.String())}
}

// xmlSafe replaces the characters XML 1.0 cannot hold (control characters
// from a page's text): encoding/xml checks attributes and text, not CDATA.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}
