package page

import "strings"

// Directives turns inline suppression comments into the line ranges they
// silence; the HTML and the rendered-text readers both feed it:
//
//	<!-- pagelint-disable-next-line RULE[,RULE…] -- reason -->
//	<!-- pagelint-disable RULES --> … <!-- pagelint-enable RULES -->
//
// No RULES means every rule. A disable never enabled runs to the end.
type Directives struct {
	done []Suppression
	open []openDisable
}

type openDisable struct {
	rules []string
	from  int
}

// directiveName is how suppressions name their directive in messages.
func directiveName(name string) string { return "pagelint-" + name }

// ParseDirective reads a comment's body ("pagelint-disable a, b -- why")
// into the directive's name ("disable-next-line", "disable-line",
// "disable", "enable") and its rules; ok is false for any other comment.
func ParseDirective(body string) (name string, rules []string, ok bool) {
	body = strings.TrimSpace(body)
	rest, ok := strings.CutPrefix(body, "pagelint-")
	if !ok {
		return "", nil, false
	}
	name, rest, _ = strings.Cut(rest, " ")
	switch name {
	case "disable-next-line", "disable-line", "disable", "enable":
	default:
		return "", nil, false
	}
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	rules = strings.FieldsFunc(rest, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	return name, rules, true
}

// Apply records a directive written on lines from..to; next is the line
// that "disable-next-line" silences.
func (d *Directives) Apply(name string, rules []string, from, to, next int) {
	switch name {
	case "disable-next-line":
		d.done = append(d.done, Suppression{Rules: rules, From: next, To: next, At: from, Directive: directiveName(name)})
	case "disable-line":
		d.done = append(d.done, Suppression{Rules: rules, From: from, To: to, At: from, Directive: directiveName(name)})
	case "disable":
		d.open = append(d.open, openDisable{rules: rules, from: from})
	case "enable":
		d.enable(rules, to)
	}
}

// enable closes the open disables of rules (all of them when rules is
// empty). A disable of some rules keeps the rules not enabled open; a
// disable of every rule is closed only by an enable of every rule.
func (d *Directives) enable(rules []string, line int) {
	kept := d.open[:0]
	for _, o := range d.open {
		switch {
		case len(rules) == 0:
			d.done = append(d.done, o.closed(o.rules, line))
		case len(o.rules) == 0:
			kept = append(kept, o)
		default:
			var closed, still []string
			for _, r := range o.rules {
				if containsRule(rules, r) {
					closed = append(closed, r)
				} else {
					still = append(still, r)
				}
			}
			if len(closed) > 0 {
				d.done = append(d.done, o.closed(closed, line))
			}
			if len(still) > 0 {
				kept = append(kept, openDisable{rules: still, from: o.from})
			}
		}
	}
	d.open = kept
}

// Close ends the disables still open at line last and returns every
// suppression recorded.
func (d *Directives) Close(last int) []Suppression {
	for _, o := range d.open {
		d.done = append(d.done, o.closed(o.rules, last))
	}
	d.open = nil
	return d.done
}

// closed is the suppression of a disable, for rules, ended at line to.
func (o openDisable) closed(rules []string, to int) Suppression {
	return Suppression{Rules: rules, From: o.from, To: to, At: o.from, Directive: directiveName("disable")}
}

func containsRule(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
