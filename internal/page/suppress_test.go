package page

import (
	"fmt"
	"testing"
)

func TestDirectives(t *testing.T) {
	type dir struct {
		body           string
		from, to, next int
	}
	tests := []struct {
		name string
		dirs []dir
		last int
		want string
	}{
		{"next line", []dir{{"pagelint-disable-next-line link-broken -- ships next sprint", 3, 3, 4}}, 9, "[link-broken] 4-4"},
		{"next line, every rule", []dir{{"pagelint-disable-next-line", 3, 4, 5}}, 9, "[] 5-5"},
		{"region to its enable", []dir{{"pagelint-disable a, b", 2, 2, 3}, {"pagelint-enable a,b", 6, 6, 7}}, 9, "[a b] 2-6"},
		{"region never enabled runs to the end", []dir{{"pagelint-disable a", 2, 2, 3}}, 9, "[a] 2-9"},
		{"an enable of one rule keeps the others open", []dir{{"pagelint-disable a b", 2, 2, 3}, {"pagelint-enable a", 5, 5, 6}}, 9, "[a] 2-5 [b] 2-9"},
		{"a disable of every rule needs an enable of every rule", []dir{{"pagelint-disable", 2, 2, 3}, {"pagelint-enable a", 5, 5, 6}}, 9, "[] 2-9"},
		{"other comments are no directives", []dir{{"pagelint-frobnicate a", 2, 2, 3}, {"a comment", 4, 4, 5}}, 9, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Directives
			for _, x := range tt.dirs {
				if name, rules, ok := ParseDirective(x.body); ok {
					d.Apply(name, rules, x.from, x.to, x.next)
				}
			}
			got := ""
			for i, s := range d.Close(tt.last) {
				if i > 0 {
					got += " "
				}
				got += fmt.Sprintf("%v %d-%d", s.Rules, s.From, s.To)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
