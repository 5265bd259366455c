package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// maxSitemapFiles bounds the sitemap files one call reads, so that a
// generated index cannot keep a run busy.
const maxSitemapFiles = 1000

// SitemapURLs reads a sitemap (a <urlset>) or a sitemap index (a
// <sitemapindex>, whose sitemaps are read in turn) and returns the page URLs
// in document order, each once. Gzipped sitemaps are read too. An error names
// the sitemap it is about only when that is not url itself.
func SitemapURLs(ctx context.Context, rawURL string, opt FetchOptions) ([]string, error) {
	r := &sitemapReader{opt: opt, read: map[string]bool{}, seen: map[string]bool{}}
	if err := r.readSitemap(ctx, rawURL, 0); err != nil {
		return nil, err
	}
	return r.urls, nil
}

type sitemapReader struct {
	opt  FetchOptions
	read map[string]bool // sitemap files read
	seen map[string]bool // page URLs returned
	urls []string
}

type sitemapDoc struct {
	XMLName  xml.Name
	URLs     []sitemapLoc `xml:"url"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
}

type sitemapLoc struct {
	Loc string `xml:"loc"`
}

func (r *sitemapReader) readSitemap(ctx context.Context, rawURL string, level int) error {
	if r.read[rawURL] || len(r.read) >= maxSitemapFiles {
		return nil
	}
	r.read[rawURL] = true
	doc, err := fetch(ctx, rawURL, r.opt, false)
	if err != nil {
		return err
	}
	body := doc.Body
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		if body, err = gunzip(body, r.opt.MaxSize); err != nil {
			return err
		}
	}
	var sm sitemapDoc
	if err := xml.NewDecoder(bytes.NewReader(body)).Decode(&sm); err != nil {
		return fmt.Errorf("not a sitemap: %w", err)
	}
	base, _ := url.Parse(doc.URL)
	resolve := func(loc string) string {
		loc = strings.TrimSpace(loc)
		if ref, err := url.Parse(loc); err == nil && base != nil {
			return base.ResolveReference(ref).String()
		}
		return loc
	}
	switch sm.XMLName.Local {
	case "urlset":
		for _, u := range sm.URLs {
			if loc := resolve(u.Loc); loc != "" && !r.seen[loc] {
				r.seen[loc] = true
				r.urls = append(r.urls, loc)
			}
		}
	case "sitemapindex":
		// The protocol forbids nesting indexes; a few levels are tolerated,
		// and the limit stops a loop of indexes that name each other.
		if level >= 3 {
			return nil
		}
		for _, s := range sm.Sitemaps {
			loc := resolve(s.Loc)
			if loc == "" {
				continue
			}
			if err := r.readSitemap(ctx, loc, level+1); err != nil {
				return fmt.Errorf("sitemap %q: %w", loc, err)
			}
		}
	default:
		return fmt.Errorf("not a sitemap (root element <%s>)", sm.XMLName.Local)
	}
	return nil
}

func gunzip(body []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("reading gzipped sitemap: %w", err)
	}
	defer func() { _ = zr.Close() }()
	if limit == 0 {
		limit = DefaultMaxSize
	}
	var rd io.Reader = zr
	if limit > 0 {
		rd = io.LimitReader(zr, limit+1)
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("reading gzipped sitemap: %w", err)
	}
	if limit > 0 && int64(len(out)) > limit {
		return nil, sizeError(-1, limit)
	}
	return out, nil
}
