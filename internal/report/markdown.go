package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxMarkdownFindings bounds the findings table: a GitHub comment holds
// 65,536 characters, a job summary 1 MiB. The summary tables stay whole.
const maxMarkdownFindings = 300

// WriteMarkdown writes a report for a pull request comment or a job
// summary: the totals, a table by rule and one by page, then the findings.
func WriteMarkdown(w io.Writer, r *Report, _ Options) error {
	var buf bytes.Buffer
	findings := sortedFindings(r)
	var total severityCounts
	for _, f := range findings {
		total.add(f.Severity)
	}
	buf.WriteString("## pagelint report\n\n")
	pages := plural(r.Summary.Pages, "page", "pages")
	switch {
	case total.total() == 0 && r.Summary.Interrupted:
		fmt.Fprintf(&buf, "✖ **No problems found** in %s", pages)
	case total.total() == 0:
		fmt.Fprintf(&buf, "✔ **No problems** in %s", pages)
	default:
		fmt.Fprintf(&buf, "✖ **%s** (%s, %s, %d info) in %s", plural(total.total(), "problem", "problems"),
			plural(total.Error, "error", "errors"), plural(total.Warning, "warning", "warnings"), total.Info, pages)
	}
	fmt.Fprintf(&buf, " · %s checked", plural(r.Summary.LinksChecked, "link", "links"))
	for _, note := range summaryNotes(r.Summary) {
		buf.WriteString(" · " + escapeMarkdown(note))
	}
	buf.WriteString("\n")
	if total.total() == 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}

	writeCountTable(&buf, "By rule", "Rule", countBy(findings, byRule))
	writeCountTable(&buf, "By page", "Page", countBy(findings, bySource))

	buf.WriteString("\n### Findings\n\n| Location | Severity | Rule | Message |\n|---|---|---|---|\n")
	for i, f := range findings {
		if i == maxMarkdownFindings {
			fmt.Fprintf(&buf, "\n… and %d more; see the full report.\n", len(findings)-i)
			break
		}
		fmt.Fprintf(&buf, "| %s | %s | %s | %s |\n", escapeMarkdown(location(f)), f.Severity,
			escapeMarkdown(f.Rule), escapeMarkdown(f.Message))
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeCountTable(w *bytes.Buffer, title, column string, rows []keyedCounts) {
	fmt.Fprintf(w, "\n### %s\n\n| %s | Errors | Warnings | Info |\n|---|---:|---:|---:|\n", title, column)
	for _, row := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", escapeMarkdown(row.Key),
			strconv.Itoa(row.Error), strconv.Itoa(row.Warning), strconv.Itoa(row.Info))
	}
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
