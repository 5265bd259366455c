package lint

import (
	"github.com/pagelint/pagelint/internal/page"
	"github.com/pagelint/pagelint/internal/page/htmlpage"
	"github.com/pagelint/pagelint/internal/page/textpage"
)

// parse builds the model of one page from its bytes; shared says that its
// regions may be shared with other pages' (see htmlpage.Regions), which a
// model whose targets are changed after parsing must not be.
func parse(data []byte, src, url, format string, opt *Options, shared bool) (*page.Page, error) {
	if format == "text" {
		return textpage.Parse(data, textpage.Options{Source: src, URL: url})
	}
	o := htmlOptions(src, url, page.FormatHTML, opt)
	if !shared {
		o.Regions = nil
	}
	return htmlpage.Parse(data, o)
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
	if format == page.FormatHTML {
		// Rendered pages have their targets fixed after parsing (see
		// unserve): their models are not to be shared.
		o.Regions = opt.regions
	}
	for _, m := range cfg.Navigation.Menus {
		o.Menus = append(o.Menus, htmlpage.NamedSelector{Name: m.Name, Selector: m.Selector})
	}
	return o
}
