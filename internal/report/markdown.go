package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pagelint/pagelint/internal/finding"
)

// A GitHub comment holds 65,536 characters, and a comment that is longer
// is refused whole; a job summary holds 1 MiB. The Markdown report stays
// within the comment's limit in every part: each table gets a share of it
// and says how many rows it left out.
const (
	markdownLimit = 65536
	// Shares of the limit, in bytes (never fewer than characters).
	markdownRuleBudget  = 6000
	markdownPageBudget  = 12000
	markdownFixedBudget = 8000
	markdownTailReserve = 600
	// markdownCellMax bounds one cell: a page's label can be long.
	markdownCellMax = 300
)

// MarkdownMarker starts the Markdown report, so that a workflow can find
// its earlier comment on a pull request and update it instead of adding
// another.
const MarkdownMarker = "<!-- pagelint-report -->"

// WriteMarkdown writes a report for a pull request comment or a job
// summary: the totals (and what changed, when compared), a table by rule
// and one by page, then the findings in a fold.
func WriteMarkdown(w io.Writer, r *Report, _ Options) error {
	var buf bytes.Buffer
	findings := sortedFindings(r)
	var total severityCounts
	for _, f := range findings {
		total.add(f.Severity)
	}
	buf.WriteString(MarkdownMarker + "\n## pagelint report\n\n")
	if c := r.Comparison; c != nil {
		fmt.Fprintf(&buf, "**%s** · %d unchanged\n\n", escapeMarkdown(c.Headline()), c.Unchanged)
	}
	pages := finding.Plural(r.Summary.Pages, "page", "pages")
	switch h := headlineOf(r.Summary, total.total()); h.Kind {
	case headlineInterrupted:
		fmt.Fprintf(&buf, "✖ **No problems found** in %s", pages)
	case headlineCaveat:
		fmt.Fprintf(&buf, "⚠ **No problems found** in %s, but %s", pages, escapeMarkdown(h.Caveat))
	case headlinePass:
		fmt.Fprintf(&buf, "✔ **No problems** in %s", pages)
	default:
		fmt.Fprintf(&buf, "✖ **%s** (%s, %s, %d info) in %s", finding.Plural(total.total(), "problem", "problems"),
			finding.Plural(total.Error, "error", "errors"), finding.Plural(total.Warning, "warning", "warnings"), total.Info, pages)
	}
	fmt.Fprintf(&buf, " · %s checked", finding.Plural(r.Summary.LinksChecked, "link", "links"))
	for _, note := range summaryNotes(r.Summary, total.total()) {
		buf.WriteString(" · " + escapeMarkdown(note))
	}
	buf.WriteString("\n")
	if total.total() > 0 {
		writeCountTable(&buf, "By rule", "Rule", "rules", countBy(findings, byRule), markdownRuleBudget)
		writeCountTable(&buf, "By page", "Page", "pages", countBy(findings, bySource), markdownPageBudget)
	}
	if c := r.Comparison; c != nil && c.Fixed > 0 {
		buf.WriteString("\n<details><summary>Fixed (" + strconv.Itoa(c.Fixed) + ")</summary>\n\n")
		writeFindingRows(&buf, c.sortedFixed(), nil, buf.Len()+markdownFixedBudget)
		buf.WriteString("\n</details>\n")
	}
	if total.total() > 0 {
		open := ""
		if len(findings) <= 20 {
			open = " open"
		}
		fmt.Fprintf(&buf, "\n<details%s><summary>Findings (%d)</summary>\n\n", open, len(findings))
		writeFindingRows(&buf, findings, r.Comparison.marker(), markdownLimit-markdownTailReserve)
		buf.WriteString("\n</details>\n")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeFindingRows writes a findings table while the buffer stays under
// limit, then says how many rows did not fit. With newOnes, new findings
// are marked.
func writeFindingRows(buf *bytes.Buffer, findings []finding.Finding, newOnes newMarker, limit int) {
	buf.WriteString("| Location | Severity | Rule | Message |\n|---|---|---|---|\n")
	for i, f := range findings {
		msg := cell(f.Message)
		if newOnes.isNew(f) {
			msg = "🆕 " + msg
		}
		row := fmt.Sprintf("| %s | %s | %s | %s |\n", cell(location(f)), f.Severity, cell(f.Rule), msg)
		if buf.Len()+len(row) > limit {
			fmt.Fprintf(buf, "\n… and %d more; see the full report.\n", len(findings)-i)
			return
		}
		buf.WriteString(row)
	}
}

// writeCountTable writes a table of counts within budget bytes, the rows
// with the most findings first when not all fit.
func writeCountTable(w *bytes.Buffer, title, column, noun string, rows []keyedCounts, budget int) {
	fmt.Fprintf(w, "\n### %s\n\n| %s | Errors | Warnings | Info |\n|---|---:|---:|---:|\n", title, column)
	lines := make([]string, len(rows))
	size := 0
	for i, row := range rows {
		lines[i] = fmt.Sprintf("| %s | %d | %d | %d |\n", cell(row.Key), row.Error, row.Warning, row.Info)
		size += len(lines[i])
	}
	if size <= budget {
		for _, l := range lines {
			w.WriteString(l)
		}
		return
	}
	// Keep the rows with the most findings that fit, in their order.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sortByTotal(order, rows)
	keep := make([]bool, len(rows))
	used, kept := 0, 0
	for _, i := range order {
		if used+len(lines[i]) > budget {
			break
		}
		used += len(lines[i])
		keep[i] = true
		kept++
	}
	for i, l := range lines {
		if keep[i] {
			w.WriteString(l)
		}
	}
	fmt.Fprintf(w, "\n… and %d more %s with fewer findings.\n", len(rows)-kept, noun)
}

// cell is text for a table cell: escaped and at most markdownCellMax
// characters.
func cell(s string) string {
	if r := []rune(s); len(r) > markdownCellMax {
		s = string(r[:markdownCellMax-1]) + "…"
	}
	return escapeMarkdown(s)
}

// markdownEscaper keeps text from a page literal inside a table cell: no
// emphasis, links, code, HTML or cell breaks, and one line per row.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"~", `\~`, "#", `\#`, "|", `\|`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
