package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pagelint/pagelint/internal/finding"
)

// ANSI styles of the text format.
const (
	ansiReset     = "\x1b[0m"
	ansiBold      = "\x1b[1m"
	ansiDim       = "\x1b[2m"
	ansiUnderline = "\x1b[4m"
	ansiRed       = "\x1b[31m"
	ansiGreen     = "\x1b[32m"
	ansiYellow    = "\x1b[33m"
	ansiBlue      = "\x1b[34m"
)

// WriteText writes the report for a person at a terminal, in the layout of
// ESLint's "stylish" formatter: the findings of each source under a header
// line, in aligned columns, and a closing summary line.
func WriteText(w io.Writer, r *Report, opt Options) error {
	// Written as it is made: the report of a large site runs to megabytes,
	// which a buffer of the whole would copy as it grows.
	buf := textWriter{bufio.NewWriterSize(w, 64<<10)}
	st := styler{on: opt.Color}
	shown := sortedFindings(r)
	if opt.Quiet {
		shown = slices.DeleteFunc(slices.Clone(shown), func(f finding.Finding) bool { return f.Severity != finding.Error })
	}
	newOnes := r.Comparison.marker()
	for start := 0; start < len(shown); {
		end := start
		for end < len(shown) && shown[end].Source == shown[start].Source {
			end++
		}
		writeTextFile(buf, st, shown[start:end], newOnes)
		start = end
	}
	var counts severityCounts
	for _, f := range shown {
		counts.add(f.Severity)
	}
	if c := r.Comparison; c != nil && c.Fixed > 0 && !opt.Quiet {
		buf.WriteString(st.style(ansiGreen, "fixed") + "\n")
		for _, f := range c.sortedFixed() {
			buf.WriteString("  " + terminalSafe(location(f)) + "  " + terminalSafe(f.Message) + "  " + st.style(ansiDim, f.Rule) + "\n")
		}
		buf.WriteString("\n")
	}
	buf.WriteString(textSummary(st, counts, r.Summary, opt.Quiet))
	if c := r.Comparison; c != nil {
		buf.WriteString("; " + c.Headline())
	}
	buf.WriteString("\n")
	return buf.Flush()
}

// writeTextFile writes one source's header and its aligned finding lines,
// then the blank line that separates files.
func writeTextFile(w textWriter, st styler, findings []finding.Finding, newOnes newMarker) {
	rows := make([][4]string, len(findings))
	var width [3]int
	for i, f := range findings {
		pos := ""
		switch {
		case f.Line > 0 && f.Column > 0:
			pos = strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
		case f.Line > 0: // a rendered-text snapshot has lines only
			pos = strconv.Itoa(f.Line)
		}
		rows[i] = [4]string{pos, f.Severity.String(), terminalSafe(f.Message), terminalSafe(f.Rule)}
		for c := range width {
			width[c] = max(width[c], utf8.RuneCountInString(rows[i][c]))
		}
	}
	w.WriteString(st.style(ansiUnderline, terminalSafe(findings[0].Source)))
	w.WriteString("\n")
	if note := findings[0].PageNote; note != "" {
		w.WriteString("  " + st.style(ansiDim, "note: "+terminalSafe(note)) + "\n")
	}
	for i, row := range rows {
		w.WriteString("  ")
		w.WriteString(st.style(ansiDim, pad(row[0], width[0])))
		w.WriteString("  ")
		w.WriteString(st.style(severityStyle(findings[i].Severity), pad(row[1], width[1])))
		w.WriteString("  ")
		w.WriteString(pad(row[2], width[2]))
		w.WriteString("  ")
		w.WriteString(st.style(ansiDim, row[3]))
		if newOnes.isNew(findings[i]) {
			w.WriteString("  " + st.style(ansiBold, "new"))
		}
		w.WriteString("\n")
		if f := findings[i]; f.Line == 0 && f.Selector != "" {
			// A rendered DOM has no lines: the selector is where to look,
			// under the message.
			w.WriteString(strings.Repeat(" ", 2+width[0]+2+width[1]+2))
			w.WriteString(st.style(ansiDim, terminalSafe(f.Selector)) + "\n")
		}
	}
	w.WriteString("\n")
}

// textWriter writes the text report through a buffer that keeps the first
// error for Flush to return: the lines need no check one by one.
type textWriter struct{ *bufio.Writer }

func (w textWriter) WriteString(s string) { _, _ = w.Writer.WriteString(s) }

// textSummary is the closing line: "✖ 7 problems (5 errors, 2 warnings,
// 0 info)", or "✔ no problems (3 pages)".
func textSummary(st styler, c severityCounts, s Summary, quiet bool) string {
	var line string
	pages := " (" + finding.Plural(s.Pages, "page", "pages") + ")"
	switch h := headlineOf(s, c.total()); h.Kind {
	case headlineInterrupted:
		claim := "✖ no problems found"
		if quiet {
			claim = "✖ no errors found" // quiet counts the errors alone
		}
		line = st.style(ansiRed+ansiBold, claim) + pages
	case headlineCaveat:
		claim := "⚠ no problems found"
		if quiet {
			claim = "⚠ no errors found"
		}
		line = st.style(ansiYellow+ansiBold, claim) + pages + ", but " + h.Caveat
	case headlinePass:
		claim := "✔ no problems"
		if quiet {
			claim = "✔ no errors"
		}
		line = st.style(ansiGreen+ansiBold, claim) + pages
	default:
		detail := finding.Plural(c.Error, "error", "errors")
		if !quiet {
			detail += ", " + finding.Plural(c.Warning, "warning", "warnings") + ", " + strconv.Itoa(c.Info) + " info"
		}
		style := ansiYellow + ansiBold
		if c.Error > 0 {
			style = ansiRed + ansiBold
		}
		line = st.style(style, fmt.Sprintf("✖ %s (%s)", finding.Plural(c.total(), "problem", "problems"), detail))
	}
	for _, note := range summaryNotes(s, c.total()) {
		line += "; " + note
	}
	return line
}

// headline is the claim the closing line of the text, Markdown and HTML
// reports makes of a run with so many findings.
type headline struct {
	Kind headlineKind
	// Caveat is what a run with no finding must say on the line that
	// would claim a pass, not after it: the home-page items it left
	// unchecked (a legal check not made is no pass).
	Caveat string
}

type headlineKind string

const (
	headlineProblems    headlineKind = "problems"
	headlineInterrupted headlineKind = "interrupted" // no finding, but the run stopped: no pass
	headlineCaveat      headlineKind = "caveat"      // no finding, but a Caveat
	headlinePass        headlineKind = "pass"
)

func headlineOf(s Summary, findings int) headline {
	switch {
	case findings > 0:
		return headline{Kind: headlineProblems}
	case s.Interrupted:
		return headline{Kind: headlineInterrupted}
	}
	if caveat := homeSkipped(s); caveat != "" {
		return headline{Kind: headlineCaveat, Caveat: caveat}
	}
	return headline{Kind: headlinePass}
}

// summaryNotes say what the run left unchecked, for the closing line of the
// text, Markdown and HTML reports: all but the caveat, which that line
// says itself (see headline) of a run with so many findings.
func summaryNotes(s Summary, findings int) []string {
	var notes []string
	if s.Interrupted {
		notes = append(notes, interruptedNote)
	}
	switch {
	case s.Offline && s.LinksOffline > 0:
		notes = append(notes, finding.Plural(s.LinksOffline, "link", "links")+" not checked (--offline)")
	case s.Offline:
		notes = append(notes, "external links not checked (--offline)")
	}
	if s.LinksUnresolved > 0 {
		notes = append(notes, finding.Plural(s.LinksUnresolved, "link", "links")+" not checked: the page names no origin (give --base-url)")
	}
	if s.LinksUnchecked > 0 {
		why := "links.deadline passed"
		switch {
		case s.NoNetwork:
			why = "no network"
		case s.Interrupted:
			why = "interrupted"
		}
		notes = append(notes, finding.Plural(s.LinksUnchecked, "external link", "external links")+" not checked ("+why+")")
	}
	if note := homeSkipped(s); note != "" && note != headlineOf(s, findings).Caveat {
		notes = append(notes, note)
	}
	return notes
}

// checkNotMade is a check a run did not make at all, for the formats with
// no closing line (JUnit, SARIF, GitHub annotations), where a run with
// nothing to say reads as a pass: its name (a JUnit test case) and what
// it says.
type checkNotMade struct{ name, note string }

// checksNotMade are the checks the run did not make: the external links it
// could not reach (no network), the home-page items of no home page.
func checksNotMade(s Summary) []checkNotMade {
	var out []checkNotMade
	if s.NoNetwork {
		out = append(out, checkNotMade{"external links", finding.Plural(s.LinksUnchecked, "external link", "external links") + " not checked: no external host could be reached (no network)"})
	}
	if note := homeSkipped(s); note != "" {
		out = append(out, checkNotMade{"home-page items", note})
	}
	return out
}

// homeSkipped says which home-page items the run left unchecked because
// it linted no home page; "" when none.
func homeSkipped(s Summary) string {
	n := len(s.HomeItemsSkipped)
	if n == 0 {
		return ""
	}
	quoted := make([]string, n)
	for i, item := range s.HomeItemsSkipped {
		quoted[i] = `"` + item + `"`
	}
	noun := "home-page items "
	if n == 1 {
		noun = "home-page item "
	}
	return noun + strings.Join(quoted, ", ") + " not checked: no home page among the pages linted"
}

// interruptedNote is what every format says of an interrupted run.
const interruptedNote = "interrupted: the run stopped before it finished, so findings may be missing"

func severityStyle(s finding.Severity) string { return severityWord(s, ansiRed, ansiYellow, ansiBlue) }

// styler wraps text in ANSI styles when colours are on.
type styler struct{ on bool }

func (s styler) style(code, text string) string {
	if !s.on || text == "" {
		return text
	}
	return code + text + ansiReset
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// terminalSafe keeps a message on one line and keeps control characters
// that came from a page (an ESC in a label) from reaching the terminal.
func terminalSafe(s string) string {
	if !strings.ContainsFunc(s, isLineControl) {
		return s
	}
	return escapeEach(s, func(r rune) (string, bool) {
		switch {
		case r == '\n':
			return `\n`, true
		case r == '\r':
			return `\r`, true
		case r == '\t':
			return " ", true
		case isLineControl(r):
			return visibleControl(r), true
		}
		return "", false
	})
}

// escapeEach writes s with each rune that escape has a replacement for
// replaced.
func escapeEach(s string, escape func(rune) (string, bool)) string {
	var b strings.Builder
	for _, r := range s {
		if rep, ok := escape(r); ok {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isLineControl: a character that a terminal or a log viewer acts on
// rather than shows: C0 and C1 controls, DEL, and the Unicode line and
// paragraph separators.
func isLineControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// visibleControl writes a control character as its escape: "\x1b",
// "\u2028".
func visibleControl(r rune) string {
	if r <= 0xff {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
