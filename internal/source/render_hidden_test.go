package source

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

// hiddenPage has an element of each kind that styles hide, and of each kind
// that looks hidden but is not, each with an id; "h-" ids are to be marked
// hidden, "v-" ids not.
const hiddenPage = `<!DOCTYPE html><html><head><style>
.none { display: none }
.invisible { visibility: hidden }
.visible { visibility: visible }
.collapsed { height: 0; overflow: hidden }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); border: 0 }
.off { position: absolute; left: -10000px }
.below { margin-top: 3000px }
.contents { display: contents }
.lazy { width: auto }
</style></head><body>
<footer>
  <a id="v-plain" href="/a">Plain</a>
  <button id="h-none" class="none">Cookie settings</button>
  <div id="h-none-parent" class="none"><a id="none-child" href="/b">Inside</a></div>
  <div id="h-invisible" class="invisible"><a id="invisible-child" href="/c">Invisible</a></div>
  <div id="v-invisible-mixed" class="invisible"><a id="h-invisible-sibling" href="/d">Gone</a><a id="v-visible-again" class="visible" href="/e">Back</a></div>
  <div id="v-collapsed" class="collapsed"><a id="h-in-collapsed" href="/f">Folded</a></div>
  <a id="v-icon-link" href="/g"><svg width="16" height="16"></svg><span id="v-sr-text" class="sr-only">Privacy</span></a>
  <a id="h-sr-link" class="sr-only" href="/h">Skip to content</a>
  <a id="h-off" class="off" href="/i">Imprint</a>
  <p class="below"><a id="v-below-fold" href="/j">Far down</a></p>
  <ul class="contents"><li><a id="v-in-contents" href="/k">Contents</a></li></ul>
  <details><summary id="v-summary">More</summary><a id="h-in-details" href="/l">Details</a></details>
  <a id="v-block-inside" href="/m"><div>Block inside a link</div></a>
  <a id="v-lazy-image" href="/n"><img src="/never.png" loading="lazy" alt=""></a>
  <a id="h-empty" href="/o"></a>
  <div id="h-script-hidden"><a id="script-hidden-child" href="/p">Hidden later</a></div>
</footer>
<script>document.getElementById("h-script-hidden").style.display = "none";</script>
</body></html>`

// TestRenderHiddenByStyles: what the browser's computed styles hide is
// marked hidden in the rendered DOM, the topmost element of a hidden subtree
// only; links and buttons alone are marked for what only geometry hides, so
// that the text inside them still names them.
func TestRenderHiddenByStyles(t *testing.T) {
	r := sharedRenderer(t)
	srv := newServer(t, map[string]http.HandlerFunc{"/hidden.html": html(hiddenPage)})
	res, err := r.Render(context.Background(), srv.URL+"/hidden.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := nethtml.Parse(strings.NewReader(res.HTML))
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		if n.Type == nethtml.ElementNode {
			id, hidden := "", false
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					id = a.Val
				case "hidden":
					hidden = true
				}
			}
			if hidden && id == "" {
				id = n.Data
			}
			if hidden {
				got = append(got, id)
			}
			if strings.HasPrefix(id, "h-") {
				want = append(want, id)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("hidden = %q\nwant     %q\n%s", got, want, res.HTML)
	}
}
