package main

import (
	"fmt"
	"strings"

	"github.com/pagelint/pagelint/schema"
)

// printPresets lists every built-in preset with its items, what satisfies
// each, and the legal basis.
func printPresets(s *streams) error {
	for i, p := range schema.Presets() {
		if i > 0 {
			fmt.Fprintln(s.stdout)
		}
		fmt.Fprintf(s.stdout, "%s: %s\n", p.Name, p.Description)
		if len(p.Extends) > 0 {
			fmt.Fprintf(s.stdout, "  extends: %s\n", strings.Join(p.Extends, ", "))
		}
		for _, it := range p.Items {
			state := ""
			if !it.Enabled {
				state = ", off unless enabled"
			}
			scope := it.Scope
			if scope == "" {
				scope = "every-page"
			}
			fmt.Fprintf(s.stdout, "  %s (%s, %s, %s%s)\n", it.ID, it.Rule, it.Severity, scope, state)
			if it.Description != "" {
				fmt.Fprintf(s.stdout, "      %s\n", it.Description)
			}
			accepted := append(quoteAll(it.Labels), slashAll(it.Patterns)...)
			if len(accepted) > 0 {
				fmt.Fprintf(s.stdout, "      accepts: %s\n", strings.Join(accepted, ", "))
			}
			if len(it.Alternatives) > 0 {
				fmt.Fprintf(s.stdout, "      or: %s\n", strings.Join(it.Alternatives, "; "))
			}
			if it.Icon {
				fmt.Fprintln(s.stdout, "      needs the opt-out icon beside the link")
			}
			if len(it.Legacy) > 0 {
				fmt.Fprintf(s.stdout, "      outdated, warned: %s\n", strings.Join(quoteAll(it.Legacy), ", "))
			}
			if it.Exclude != "" {
				fmt.Fprintf(s.stdout, "      never: /%s/\n", it.Exclude)
			}
			if len(it.In) > 0 {
				fmt.Fprintf(s.stdout, "      in: %s\n", strings.Join(it.In, ", "))
			}
			if it.Basis != "" {
				fmt.Fprintf(s.stdout, "      basis: %s\n", it.Basis)
			}
		}
	}
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func slashAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "/" + s + "/"
	}
	return out
}
