package htmlpage

import (
	"fmt"

	"github.com/andybalholm/cascadia"
)

// selectors are the compiled landmark selectors of one Parse call.
type selectors struct {
	nav, header, footer cascadia.Matcher
	menus               []namedSel
}

type namedSel struct {
	name string
	sel  cascadia.Matcher
}

func compileSelectors(opt *Options) (*selectors, error) {
	if opt.NavSelector == "" {
		opt.NavSelector = DefaultNavSelector
	}
	if opt.HeaderSelector == "" {
		opt.HeaderSelector = DefaultHeaderSelector
	}
	if opt.FooterSelector == "" {
		opt.FooterSelector = DefaultFooterSelector
	}
	var s selectors
	var err error
	if s.nav, err = compile(opt.NavSelector); err != nil {
		return nil, err
	}
	if s.header, err = compile(opt.HeaderSelector); err != nil {
		return nil, err
	}
	if s.footer, err = compile(opt.FooterSelector); err != nil {
		return nil, err
	}
	for _, m := range opt.Menus {
		sel, err := compile(m.Selector)
		if err != nil {
			return nil, err
		}
		s.menus = append(s.menus, namedSel{name: m.Name, sel: sel})
	}
	return &s, nil
}

func compile(selector string) (cascadia.Matcher, error) {
	group, err := cascadia.ParseGroup(selector)
	if err != nil {
		return nil, fmt.Errorf("invalid selector %q: %w", selector, err)
	}
	return group, nil
}
