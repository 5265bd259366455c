package source

import (
	"strconv"
	"strings"
)

// The scripts pagelint runs in the pages it renders.

// probeJS runs in every document of a tab before the page's own scripts. It
// follows what can still change the DOM once the network is quiet: changes
// to the DOM itself (a MutationObserver on the whole document) and timers
// set with setTimeout for at most timerHorizon, which a page uses to build a
// menu a moment after it loads. Longer timers, intervals and animation
// frames are left alone: carousels and clocks use them and never end. So is
// a timer that a timer's callback sets when that one was itself set so,
// pollChain times in a row: a script polling for something that never comes
// (a blocked third-party script) would otherwise hold every page to the cap.
// __pagelintProbe() tells how long the DOM has been quiet and how many
// timers are pending.
var probeJS = strings.ReplaceAll(strings.ReplaceAll(`(() => {
  if (Object.prototype.hasOwnProperty.call(window, "__pagelintProbe")) return;
  let last = performance.now();
  const pending = new Set();
  new MutationObserver(() => { last = performance.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const set = window.setTimeout, clear = window.clearTimeout, clearIv = window.clearInterval;
  let chain = -1; // how deep in a chain of timers the running callback is; -1 outside
  window.setTimeout = function setTimeout(fn, delay, ...args) {
    const depth = chain + 1;
    if (typeof fn !== "function" || (Number(delay) || 0) > HORIZON || depth > CHAIN) {
      return Reflect.apply(set, window, [fn, delay, ...args]);
    }
    const id = Reflect.apply(set, window, [function () {
      pending.delete(id);
      const outer = chain;
      chain = depth;
      try { return fn.apply(this, arguments); } finally { chain = outer; }
    }, delay, ...args]);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function clearTimeout(id) { pending.delete(id); return Reflect.apply(clear, window, [id]); };
  window.clearInterval = function clearInterval(id) { pending.delete(id); return Reflect.apply(clearIv, window, [id]); };
  Object.defineProperty(window, "__pagelintProbe", {
    value: () => ({ quietMs: performance.now() - last, timers: pending.size }),
  });
})()`, "HORIZON", strconv.FormatInt(timerHorizon.Milliseconds(), 10)), "CHAIN", strconv.Itoa(pollChain))

// probeExpr reads the probe; a document it did not reach (its injection
// failed) counts as quiet, so that the page settles on the network alone.
const probeExpr = `typeof window.__pagelintProbe === "function" ? window.__pagelintProbe() : { quietMs: 1e9, timers: 0 }`

// domProbe is what probeExpr returns.
type domProbe struct {
	QuietMs float64 `json:"quietMs"`
	Timers  int     `json:"timers"`
}

// snapshotJS marks the elements the page's styles hide with the hidden
// attribute, which the HTML reader takes for hidden as it does an inline
// display:none, then serialises the document with its doctype.
//
// What hides an element, as the browser computed it:
//   - display:none, here or above, and the content of a closed <details>
//     or of content-visibility:hidden (checkVisibility): the element is
//     marked, and its subtree is not rendered at all;
//   - visibility:hidden (or collapse): an element is marked when it and
//     every element inside it are invisible, since a child may be visible
//     again;
//   - zero size with its overflow clipped (a collapsed panel, the 1-pixel
//     "visually hidden" box), a clip to nothing, or a box wholly above or
//     left of the page, or past its scrollable end: only the links and
//     buttons there are marked, as the text inside them still names them
//     for assistive technology (and so in the model);
//   - a link or button with no size and nothing inside that has one.
//
// SVG and MathML are not walked into, nor elements that never have a box
// (area, option, source, script, template, …); what hides them hides their
// host. The marks are made after every element is measured, so that no mark
// moves another element.
const snapshotJS = `(() => {
  const noBox = new Set(["AREA", "MAP", "OPTION", "OPTGROUP", "SOURCE", "TRACK", "SCRIPT", "STYLE",
    "TEMPLATE", "LINK", "META", "BASE", "TITLE", "NOSCRIPT", "PARAM", "DATALIST", "SLOT"]);
  const controls = "a, button, summary, input, [role=button], [role=link]";
  const media = "img, svg, picture, video, canvas, iframe, object, embed, input";
  const html = "http://www.w3.org/1999/xhtml";
  const page = document.documentElement;
  const pageW = Math.max(page.scrollWidth, innerWidth), pageH = Math.max(page.scrollHeight, innerHeight);
  const empty = r => r.width <= 0 || r.height <= 0;
  const offPage = r => r.right + scrollX <= 0 || r.bottom + scrollY <= 0 ||
    r.left + scrollX >= pageW || r.top + scrollY >= pageH;
  const contentBox = el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); };
  const clipsToNothing = cs => {
    if (cs.position !== "absolute" && cs.position !== "fixed") return false;
    const m = /^rect\((-?[\d.]+)px,? (-?[\d.]+)px,? (-?[\d.]+)px,? (-?[\d.]+)px\)$/.exec(cs.clip);
    return !!m && (+m[2] <= +m[4] || +m[3] <= +m[1]);
  };
  const geometryHides = (el, cs, isControl) => {
    const inline = cs.display === "inline";
    if (cs.display === "contents" || inline && !isControl) return false;
    if (clipsToNothing(cs)) return true;
    const r = el.getBoundingClientRect();
    if (!inline && (r.width <= 1 && cs.overflowX !== "visible" || r.height <= 1 && cs.overflowY !== "visible")) return true;
    if (empty(r)) return isControl && empty(contentBox(el)) && !el.querySelector(media);
    return offPage(r) && offPage(contentBox(el));
  };
  const marks = [];
  const order = [], parent = [], invisible = [];
  if (document.body) {
    const stack = [[document.body, -1, false]];
    while (stack.length) {
      const [el, up, geoAbove] = stack.pop();
      if (el.namespaceURI !== html || noBox.has(el.tagName)) continue;
      const cs = getComputedStyle(el);
      if (cs.display === "none" || (cs.display !== "contents" && !el.checkVisibility())) {
        marks.push(el);
        continue;
      }
      const isControl = el.matches(controls);
      const geo = geoAbove || geometryHides(el, cs, isControl);
      if (geo && isControl) marks.push(el);
      const i = order.length;
      order.push(el);
      parent.push(up);
      invisible.push(cs.visibility !== "visible");
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, i, geo]);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    if (!invisible[i] && parent[i] >= 0) invisible[parent[i]] = false;
  }
  for (let i = 0; i < order.length; i++) {
    if (invisible[i] && (parent[i] < 0 || !invisible[parent[i]])) marks.push(order[i]);
  }
  for (const el of marks) el.setAttribute("hidden", "");
  const d = document.doctype;
  const doctype = d ? "<!DOCTYPE " + d.name +
    (d.publicId ? ' PUBLIC "' + d.publicId + '"' : "") +
    (!d.publicId && d.systemId ? " SYSTEM" : "") +
    (d.systemId ? ' "' + d.systemId + '"' : "") + ">\n" : "";
  return { html: doctype + page.outerHTML, url: location.href };
})()`

// domSnapshot is what snapshotJS returns.
type domSnapshot struct {
	HTML string `json:"html"`
	URL  string `json:"url"`
}
