package lint

import (
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/page/textpage"
)

// parse builds the model of one page from its bytes.
func parse(data []byte, src, url, format string, opt *Options) (*page.Page, error) {
	opt.noteRead(len(data))
	if format == "text" {
		return textpage.Parse(data, textpage.Options{Source: src, URL: url})
	}
	return htmlpage.Parse(data, htmlOptions(src, url, page.FormatHTML, opt))
}

// noteRead tells opt.Read of a page of size bytes.
func (opt *Options) noteRead(size int) {
	if opt.Read != nil {
		opt.Read(size)
	}
}

func htmlOptions(src, url, format string, opt *Options) htmlpage.Options {
	cfg := opt.Config
	o := htmlpage.Options{
		Source:         src,
		URL:            url,
		Format:         format,
		NavSelector:    cfg.Navigation.Selector,
		FooterSelector: cfg.Footer.Selector,
	}
	for _, m := range cfg.Navigation.Menus {
		// A menu named without a selector is the page's menu of that
		// name: the checks find it by name, the builder needs nothing.
		if m.Selector != "" {
			o.Menus = append(o.Menus, htmlpage.NamedSelector{Name: m.Name, Selector: m.Selector})
		}
	}
	return o
}
