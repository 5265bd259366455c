package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// generate writes the pages, an index linking them all (for crawlers),
// truth.txt (the URLs that are really broken) and urls.txt (all of them).
func generate(spec siteSpec) error {
	if err := os.MkdirAll(filepath.Join(spec.dir, "p"), 0o755); err != nil {
		return err
	}
	_ = os.Remove(filepath.Join(spec.dir, "ready"))
	index := []byte("<!doctype html><html><head><title>bench</title></head><body><main><ul>\n")
	for p := range spec.pages {
		index = fmt.Appendf(index, "<li><a href=\"p/%d.html\">page %d</a></li>\n", p, p)
		if err := writePage(spec, p); err != nil {
			return err
		}
	}
	index = append(index, "</ul></main></body></html>\n"...)
	if err := os.WriteFile(filepath.Join(spec.dir, "index.html"), index, 0o644); err != nil {
		return err
	}
	return writeLists(spec)
}

func writePage(spec siteSpec, p int) error {
	b := fmt.Appendf(nil, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page %d</title></head><body>\n", p)
	b = append(b, "<nav><a href=\"../index.html\">Home</a></nav>\n<main><h1>Page</h1><ul>\n"...)
	for k := range spec.linksPerPage {
		n := (p*spec.linksPerPage + k) % spec.urls
		b = fmt.Appendf(b, "<li><a href=\"%s\">link %d</a></li>\n", spec.linkURL(n), n)
	}
	b = append(b, "</ul></main><footer><a href=\"../index.html\">Home</a></footer></body></html>\n"...)
	return os.WriteFile(filepath.Join(spec.dir, "p", fmt.Sprintf("%d.html", p)), b, 0o644)
}

func writeLists(spec siteSpec) error {
	linked := min(spec.urls, spec.pages*spec.linksPerPage)
	var all, truth []byte
	for n := range linked {
		u := spec.linkURL(n) + "\n"
		all = append(all, u...)
		if broken(behaviourOf(n)) {
			truth = append(truth, u...)
		}
	}
	if err := os.WriteFile(filepath.Join(spec.dir, "urls.txt"), all, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(spec.dir, "truth.txt"), truth, 0o644)
}
