package lint

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/pagelint/pagelint/internal/testfs"
	"github.com/pagelint/pagelint/schema"
)

// TestOfflineExternalLinks: an offline run counts the distinct URLs that
// the links ask (fragments and all) and links.exclude does not spare,
// however many pages link to them — whether the run knows no answer, and
// keeps none of those links, or has read a page saved from a server, whose
// URL its links could name, and keeps them to be judged.
func TestOfflineExternalLinks(t *testing.T) {
	links := `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main><h1 id="top-of">T</h1>
<a href="https://example.org/a">a</a> <a href="https://example.org/b#x">b</a> <a href="https://skip.example/c">c</a>
<a href="https://www.news.example/story#gone">story</a> <a href="https://www.news.example/story#lead">lead</a></main></body></html>`
	saved := `<!DOCTYPE html><html lang="en"><head><title>Story</title>
<link rel="canonical" href="https://www.news.example/story"></head><body><main><h1 id="lead">Story</h1></main></body></html>`
	cfg := &schema.Config{Links: schema.Links{Exclude: []string{`^https://skip\.example/`}}}
	if err := cfg.Compile(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		withSaved bool
		offline   int
	}{
		{name: "a site alone", offline: 4},
		// and the saved page's canonical link
		{name: "a site and a saved page", withSaved: true, offline: 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := testfs.Dir(t, map[string]string{"index.html": links, "about/index.html": links})
			inputs := []string{site}
			if c.withSaved {
				inputs = append(inputs, filepath.Join(testfs.Dir(t, map[string]string{"story.html": saved}), "story.html"))
			}
			res, err := Run(context.Background(), Options{Inputs: inputs, Config: cfg, Offline: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.LinksOffline != c.offline {
				t.Errorf("LinksOffline = %d, want %d", res.LinksOffline, c.offline)
			}
		})
	}
}
