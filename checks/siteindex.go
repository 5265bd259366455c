package checks

import (
	"strconv"
	"strings"
	"sync"
	"unique"

	"github.com/pagelint/pagelint/internal/page"
)

// SitePage is what a run keeps of a page once its page checks have run:
// all that the site checks and Finalize ask of it and no more, so that a
// site of tens of thousands of pages is never held in memory whole. Its
// strings are its own (interned), never pieces of the page's source that
// would keep the source alive.
type SitePage struct {
	Source string
	// URL is the page's own address (a site path or a URL):
	// nav-orphan-page finds the links that lead to it.
	URL string
	// Home: nav-orphan-page needs no link to the home page.
	Home bool
	// Redirect is where a meta refresh sends readers: nav-orphan-page
	// counts the target as linked.
	Redirect string
	// Kind: nav-inconsistent compares the menus of pages with content of
	// their own only; a run says whether its home page was one.
	Kind PageKind
	// ScriptMenus: the page's navigation is built by its scripts, so its
	// source is no evidence of what it carries (nav-inconsistent);
	// Scripts: the page's source loads scripts, so a menu empty in it is
	// theirs to fill.
	ScriptMenus, Scripts bool
	// Menus are what nav-inconsistent compares.
	Menus []*SiteMenu
	// Links are the targets of the page's a and area links, in the site's
	// paths (see scope.written), kept only when nav-orphan-page runs.
	Links []string
	// Suppressions are the page's inline suppressions, for Finalize.
	Suppressions page.Suppressions
}

// SiteMenu is what nav-inconsistent reads of a menu: its name, where it
// stands, and its entries' labels. The pages that carry the same menu at
// the same place (those of one template) share one SiteMenu.
type SiteMenu struct {
	Name     string
	Selector string
	Pos      page.Pos
	// Ref names the menu in messages (see menuRef).
	Ref menuRef
	// Empty: the menu has no entry at all.
	Empty bool
	// Labels are the labels of its entries as written (IsNavEntry: no
	// controls, hidden or in-page entries), each entry's children right
	// after it.
	Labels []string
}

// Index is what the run keeps of p for the site checks and Finalize.
func (e *Engine) Index(p *page.Page) *SitePage {
	sp := &SitePage{
		Source: p.Source, URL: p.URL, Home: p.Home, Redirect: intern(p.Redirect), Kind: KindOf(p),
		Menus:        e.menus.share(p, menusIn(p)),
		Suppressions: ownSuppressions(p.Suppressions),
	}
	if sp.Kind == ContentPage {
		sp.ScriptMenus = BuiltByScript(p).MenusBuilt()
		sp.Scripts = p.Format == page.FormatHTML && loadsScripts(p)
	}
	if e.keepLinks {
		sc := newScope(p.URL, e.site)
		for _, l := range p.Links {
			if l == nil || (l.Tag != page.TagA && l.Tag != page.TagArea) {
				continue
			}
			if t := firstNonEmpty(l.Target, l.Href); t != "" {
				sp.Links = append(sp.Links, intern(sc.written(l.Href, t)))
			}
		}
	}
	return sp
}

func ownSuppressions(in page.Suppressions) page.Suppressions {
	if len(in) == 0 {
		return nil
	}
	out := make(page.Suppressions, len(in))
	for i, s := range in {
		out[i] = page.Suppression{From: s.From, To: s.To, At: s.At, Directive: intern(s.Directive)}
		for _, r := range s.Rules {
			out[i].Rules = append(out[i].Rules, intern(r))
		}
	}
	return out
}

// intern returns s in memory of its own, shared with every equal string:
// the model's strings share chunks with the rest of their page, which a
// kept string would keep alive.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// menuPool shares one SiteMenu among the pages that carry the same menu at
// the same place, found by a key of what a SiteMenu keeps of it.
type menuPool struct {
	mu    sync.Mutex
	menus map[string]*SiteMenu
}

// keyBufs keep the buffers that menuPool.share makes keys in, as long as
// a menu's labels: grown again for every page, they were a thirtieth of
// what a run on the GOV.UK build allocated. A buffer longer than
// maxKeyBuf (a page of thousands of entries) is not kept.
var keyBufs = sync.Pool{New: func() any { return new([]byte) }}

const maxKeyBuf = 64 << 10

func (mp *menuPool) share(p *page.Page, menus []*page.Menu) []*SiteMenu {
	if len(menus) == 0 {
		return nil
	}
	out := make([]*SiteMenu, len(menus))
	buf := keyBufs.Get().(*[]byte)
	key := *buf
	defer func() {
		if cap(key) <= maxKeyBuf {
			*buf = key
			keyBufs.Put(buf)
		}
	}()
	var labels []string
	for i, m := range menus {
		ref := refOf(p, m)
		key = append(append(append(key[:0], m.Name...), 0), m.Selector...)
		key = strconv.AppendInt(append(key, 0), int64(m.Line), 10)
		key = strconv.AppendInt(append(key, ':'), int64(m.Column), 10)
		key = strconv.AppendInt(append(append(append(key, 0), ref.region.String()...), ' '), int64(ref.nth), 10)
		key = labelKey(key, m.Entries)
		mp.mu.Lock()
		if mp.menus == nil {
			mp.menus = map[string]*SiteMenu{}
		}
		shared := mp.menus[string(key)]
		if shared == nil {
			ref.name = intern(ref.name)
			shared = &SiteMenu{Name: intern(m.Name), Selector: intern(m.Selector), Pos: m.Pos, Ref: ref, Empty: len(m.Entries) == 0}
			labels = labels[:0]
			walkEntries(m.Entries, nil, func(e, _ *page.Entry) {
				if IsNavEntry(e) {
					labels = append(labels, e.Label)
				}
			})
			shared.Labels = ownStrings(labels)
			mp.menus[string(key)] = shared
		}
		mp.mu.Unlock()
		out[i] = shared
	}
	return out
}

// ownStrings copies strs into one string of their own and gives them back
// as pieces of it: a menu's labels are kept in one allocation, not interned
// one by one. Interning costs about 200 bytes a distinct label (its table's
// nodes and weak pointer), and the labels of a large page are mostly
// distinct: 131,600 of them, 26 MB, on the 10 MB page of
// docs/BENCHMARKS.md. Menus are shared whole (menuPool), so a label is
// repeated only in menus that differ. nil when strs is empty.
func ownStrings(strs []string) []string {
	if len(strs) == 0 {
		return nil
	}
	n := 0
	for _, s := range strs {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range strs {
		b.WriteString(s)
	}
	all := b.String()
	out := make([]string, len(strs))
	for i, s := range strs {
		out[i], all = all[:len(s)], all[len(s):]
	}
	return out
}

func labelKey(b []byte, entries []*page.Entry) []byte {
	for _, e := range entries {
		if e == nil {
			continue
		}
		// The key holds what Labels keep of an entry: whether it counts, and
		// its label.
		if IsNavEntry(e) {
			b = append(b, "\x00+"...)
		} else {
			b = append(b, "\x00-"...)
		}
		b = append(b, e.Label...)
		if len(e.Children()) > 0 {
			b = append(b, "\x00["...)
			b = labelKey(b, e.Children())
			b = append(b, "\x00]"...)
		}
	}
	return b
}
