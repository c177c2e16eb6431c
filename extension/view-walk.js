// The page's structure for a view report (docs/view-reports.md), walked only when the user asks
// for one from the popup: every element and text of the body in document order, with its depth.
// What a report keeps of it is decided by the core in the popup, which the user sees first.
// A module the content script imports on that request (a web-accessible resource behind a
// dynamic URL), so a portal tab does not load it until then.

/** @typedef {{d: number, tag?: string, attrs?: string[], text?: string}} ViewRecord */

const MAX_ELEMENTS = 20000;
const MAX_TEXT = 1000;
// Not part of the view: scripts and styles, and an svg's drawing.
const SKIPPED = /^(script|style|noscript|template|link|meta)$/;

/** The records of `document.body`, and whether the walk stopped at its element limit. */
export function walkView() {
  /** @type {ViewRecord[]} */
  const records = [];
  let elements = 0;
  /** @param {Element} parent @param {number} d */
  const walk = (parent, d) => {
    for (const node of parent.childNodes) {
      if (elements >= MAX_ELEMENTS) return;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = /** @type {Text} */ (node).data;
        if (text.trim()) records.push({ d, text: text.slice(0, MAX_TEXT) });
      }
      if (!(node instanceof Element) || SKIPPED.test(node.localName)) continue;
      // Our own hosts, marks and chip are not the portal's.
      if (node.getAttributeNames().some((name) => name.startsWith('data-wayfinder'))) continue;
      /** @type {string[]} */
      const attrs = [];
      for (const { name, value } of node.attributes) attrs.push(name, value.slice(0, MAX_TEXT));
      records.push({ d, tag: node.localName, attrs });
      elements += 1;
      if (node.localName !== 'svg') walk(node, d + 1);
    }
  };
  if (document.body) walk(document.body, 0);
  return { records, truncated: elements >= MAX_ELEMENTS, lang: document.documentElement.lang, origin: location.origin };
}
