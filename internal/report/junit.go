package report

import (
	"encoding/xml"
	"io"
	"slices"
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
	// line is the first finding's, for its test case.
	line int
}

// WriteJUnit writes a JUnit XML report. Every rule that is on becomes a
// test case of every page, so that a page that passes a rule shows as a
// passing test, and the counts stay comparable from run to run. The suites
// are written one at a time.
func WriteJUnit(w io.Writer, r *Report, _ Options) error {
	rules := reportRules(r)
	pages := reportPages(r)
	newOnes := r.Comparison.marker()
	// The findings of a page are a run of the sorted findings.
	perPage := map[string][]finding.Finding{}
	findings := sortedFindings(r)
	for i := 0; i < len(findings); {
		j := i + 1
		for j < len(findings) && findings[j].Source == findings[i].Source {
			j++
		}
		perPage[findings[i].Source] = findings[i:j]
		i = j
	}
	// testsuites carries the totals, before its suites.
	tests, failures := len(pages)*len(rules), 0
	for _, found := range perPage {
		failures += failedCases(found, rules)
	}
	if r.Summary.Interrupted {
		tests++
		failures++
	}
	notMade := checksNotMade(r.Summary)
	tests += len(notMade)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	start := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "name"}, Value: "pagelint"},
		{Name: xml.Name{Local: "tests"}, Value: strconv.Itoa(tests)},
		{Name: xml.Name{Local: "failures"}, Value: strconv.Itoa(failures)},
		{Name: xml.Name{Local: "errors"}, Value: "0"},
	}}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	suiteElement := xml.StartElement{Name: xml.Name{Local: "testsuite"}}
	for _, page := range pages {
		suite := junitSuite{Name: page, File: page, Failures: failedCases(perPage[page], rules)}
		for _, rule := range rules {
			tc := junitCase{Classname: page, Name: rule.ID, File: page}
			if tc.Failure = junitFailureOf(perPage[page], rule.ID, newOnes); tc.Failure != nil {
				tc.Line = tc.Failure.line
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		if err := enc.EncodeElement(suite, suiteElement); err != nil {
			return err
		}
	}
	if r.Summary.Interrupted {
		// A failing test of its own, so that no gate passes on the run.
		if err := enc.EncodeElement(junitSuite{Name: "pagelint", Tests: 1, Failures: 1, Cases: []junitCase{{
			Classname: "pagelint", Name: "run",
			Failure: &junitFailure{Message: interruptedNote, Type: "interrupted", Body: interruptedNote},
		}}}, suiteElement); err != nil {
			return err
		}
	}
	for _, c := range notMade {
		// A skipped test, so that a dashboard shows the check not made.
		if err := enc.EncodeElement(junitSuite{Name: "pagelint", Tests: 1, Skipped: 1, Cases: []junitCase{{
			Classname: "pagelint", Name: c.name, Skipped: &junitSkipped{Message: c.note},
		}}}, suiteElement); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(start.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// failedCases is how many test cases of a page fail: the rules among
// rules that a finding of the page's is of (junitFailureOf gives each its
// failure).
func failedCases(page []finding.Finding, rules []finding.Rule) int {
	n := 0
	for _, rule := range rules {
		if slices.ContainsFunc(page, func(f finding.Finding) bool { return f.Rule == rule.ID }) {
			n++
		}
	}
	return n
}

// junitFailureOf sums up the findings of one rule among a page's: the
// message says how many and quotes the first (with "new: " when one is new
// since the compared report), the body lists them all; nil for none.
func junitFailureOf(page []finding.Finding, rule string, newOnes newMarker) *junitFailure {
	var first *finding.Finding
	n, anyNew := 0, false
	top := finding.Unset
	var body strings.Builder
	body.WriteString("\n")
	for i := range page {
		f := &page[i]
		if f.Rule != rule {
			continue
		}
		if first == nil {
			first = f
		}
		n++
		anyNew = newOnes.isNew(*f) || anyNew
		top = max(top, f.Severity)
		if f.Line > 0 {
			body.WriteString(strings.TrimPrefix(location(*f), f.Source+":") + " ")
		}
		body.WriteString(f.Message)
		if f.Line == 0 && f.Selector != "" {
			body.WriteString(" (at " + f.Selector + ")")
		}
		body.WriteString("\n")
	}
	if first == nil {
		return nil
	}
	msg := first.Message
	if n > 1 {
		msg = strconv.Itoa(n) + " findings; first: " + msg
	}
	if anyNew {
		msg = "new: " + msg
	}
	return &junitFailure{Message: msg, Type: top.String(), Body: xmlSafe(body.String()), line: first.Line}
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
