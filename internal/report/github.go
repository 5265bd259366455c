package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
	"github.com/pagelint/pagelint/internal/fsutil"
)

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// finding, and when the job runs on GitHub (GITHUB_STEP_SUMMARY is set)
// appends the Markdown report to the job summary.
func WriteGitHub(w io.Writer, r *Report, opt Options) error {
	// Written as they are made; the buffer keeps the first write error
	// for Flush.
	buf := bufio.NewWriterSize(w, 64<<10)
	if r.Summary.Interrupted {
		fmt.Fprintf(buf, "::error title=pagelint::%s\n", escapeData(interruptedNote))
	}
	for _, c := range checksNotMade(r.Summary) {
		// A run with no annotation reads as a pass: say what it did not check.
		fmt.Fprintf(buf, "::warning title=pagelint::%s\n", escapeData(c.note))
	}
	newOnes := r.Comparison.marker()
	for _, f := range sortedFindings(r) {
		props := []string{"file=" + escapeProperty(repoPath(f.Source, opt.BaseDir))}
		if f.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Line))
			if f.Column > 0 {
				props = append(props, "col="+strconv.Itoa(f.Column))
			}
		}
		title := "pagelint " + f.Rule
		if newOnes.isNew(f) {
			title += " (new)"
		}
		props = append(props, "title="+escapeProperty(title))
		fmt.Fprintf(buf, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(f.Message))
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	getenv := opt.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if path := getenv("GITHUB_STEP_SUMMARY"); path != "" {
		return appendStepSummary(path, r)
	}
	return nil
}

func githubCommand(s finding.Severity) string { return severityWord(s, "error", "warning", "notice") }

// escapeData escapes a command's message as @actions/core does ("%",
// CR, LF), and shows every other control character that came from a page
// as "\x1b": the runner's log would otherwise interpret an ESC sequence,
// and a U+2028 could end the line.
func escapeData(s string) string { return escapeCommand(s, false) }

// escapeProperty escapes a command property's value as @actions/core does,
// ":" and "," too, and shows control characters as escapeData does.
func escapeProperty(s string) string { return escapeCommand(s, true) }

func escapeCommand(s string, property bool) string {
	return escapeEach(s, func(r rune) (string, bool) {
		switch {
		case r == '%':
			return "%25", true
		case r == '\r':
			return "%0D", true
		case r == '\n':
			return "%0A", true
		case property && r == ':':
			return "%3A", true
		case property && r == ',':
			return "%2C", true
		case isLineControl(r):
			return visibleControl(r), true
		}
		return "", false
	})
}

// appendStepSummary adds the Markdown report to the job summary file.
// Other steps' summaries stay; the file is replaced whole, never half
// written.
func appendStepSummary(path string, r *Report) error {
	old, err := fsutil.ReadFile(path, 0)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the job summary %q: %w", path, err)
	}
	var buf bytes.Buffer
	buf.Write(old)
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		buf.WriteString("\n")
	}
	if err := WriteMarkdown(&buf, r, Options{}); err != nil {
		return err
	}
	if err := fsutil.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write the job summary %q: %w", path, err)
	}
	return nil
}
