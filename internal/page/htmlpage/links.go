package htmlpage

import (
	"bytes"
	"strings"

	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/urlnorm"
	"golang.org/x/net/html/atom"
)

// resolver resolves the page's references (see urlnorm.Resolver).
type resolver struct{ urlnorm.Resolver }

func newResolver(pageURL, base string) resolver {
	return resolver{urlnorm.NewResolver(pageURL, base)}
}

func (r resolver) target(href string) string { return r.Target(href) }

// refAttrs are the attributes that reference another resource, per tag.
var refAttrs = map[atom.Atom][]atom.Atom{
	atom.A:      {atom.Href},
	atom.Area:   {atom.Href},
	atom.Img:    {atom.Src, atom.Srcset},
	atom.Source: {atom.Src, atom.Srcset},
	atom.Script: {atom.Src},
	atom.Link:   {atom.Href},
	atom.Iframe: {atom.Src},
	atom.Video:  {atom.Src, atom.Poster},
	atom.Audio:  {atom.Src},
}

// makeLinks makes the links of the start tags that reference other
// resources, in source order. A link of an a or area element is its entry:
// the same label, selector, position and target.
func (md *model) makeLinks() {
	for _, r := range md.links {
		var e *page.Entry
		sel, region := "", page.RegionMain
		if r.node != 0 {
			e, region = md.info[r.node].entry, md.placeOf(r.node).region
			if e != nil {
				sel = e.Selector // the same: one copy
			} else {
				sel = md.selector(r.node)
			}
		}
		for _, k := range refAttrs[r.tag] {
			val, ok := md.attrIn(r.attrs, k)
			if !ok {
				continue
			}
			if k == atom.Srcset {
				for _, u := range srcsetURLs(string(val)) {
					md.addLink(r, e, sel, region, k, u)
				}
				continue
			}
			if k != atom.Href && len(bytes.TrimSpace(val)) == 0 {
				continue // an empty src references nothing a checker could test
			}
			href := ""
			if e != nil && e.Href == string(val) {
				href = e.Href // the same: one copy
			} else {
				href = string(val)
			}
			md.addLink(r, e, sel, region, k, href)
		}
	}
}

func (md *model) addLink(r tagRef, e *page.Entry, sel, region string, k atom.Atom, href string) {
	if len(md.linkSlab) == cap(md.linkSlab) {
		md.linkSlab = make([]page.Link, 0, max(16, len(md.links)))
	}
	md.linkSlab = md.linkSlab[:len(md.linkSlab)+1]
	l := &md.linkSlab[len(md.linkSlab)-1]
	*l = page.Link{Tag: r.tag.String(), Attr: k.String(), Href: href, Region: region, Selector: sel}
	if r.tag == atom.Link {
		rel, _ := md.attrIn(r.attrs, atom.Rel)
		l.Rel = collapse(string(rel))
	}
	switch {
	case e != nil:
		l.Pos = e.Pos
		l.Label = e.Label
	default:
		l.Pos = md.pos(int(r.off))
	}
	if e != nil && e.HasHref && e.Href == href {
		l.Target = e.Target
	} else {
		l.Target = md.res.target(href)
	}
	md.p.Links = append(md.p.Links, l)
}

// srcsetURLs splits a srcset attribute into its URLs, following the HTML
// parsing rules in short: candidates are separated by commas, a URL ends at
// white space, and trailing commas of a URL end its candidate.
func srcsetURLs(srcset string) []string {
	var urls []string
	s := srcset
	for {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		if s == "" {
			return urls
		}
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		u := s[:end]
		s = s[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			urls = append(urls, trimmed)
			continue
		}
		urls = append(urls, u)
		s = skipDescriptors(s)
	}
}

// skipDescriptors skips a candidate's descriptors up to the comma that ends
// it; a comma inside parentheses belongs to the descriptor.
func skipDescriptors(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				return s[i+1:]
			}
		}
	}
	return ""
}

// refreshURL returns the URL of a meta refresh content such as
// "0; url=/new/" (quotes allowed), or "" when it names none.
func refreshURL(content string) string {
	s := strings.TrimLeft(content, " \t\n\r\f")
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return ""
	}
	s = strings.TrimLeft(s[i:], " \t\n\r\f")
	if s == "" || (s[0] != ';' && s[0] != ',') {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\r\f")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		rest := strings.TrimLeft(s[3:], " \t\n\r\f")
		if strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\r\f")
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			s = s[:j]
		}
	}
	return strings.TrimSpace(s)
}
