// Where the page changed since the last pass, and a selector's candidates in those parts only.
// A pass under churn (a portal grid streaming rows) then looks at the few changed subtrees, not
// at the whole document: its cost follows the change, not the page's size. Built from mutation
// records alone (no layout, no text).

/**
 * `roots`: elements added with their whole subtree. `places`: elements whose own content changed
 * (text edited, a child added or removed); their ancestors' text changed with them. `found`: the
 * candidates already looked up, by selector (many probes share their candidates' selector).
 * @typedef {{roots: Set<Element>, places: Set<Element>, found?: Map<string, Element[]>}} Changes
 */

/** @returns {Changes} */
export const noChanges = () => ({ roots: new Set(), places: new Set() });

/**
 * Notes `records` in `changes`; false when they name more than `max` elements, too many to be
 * worth looking at one by one (the caller looks at the whole page instead).
 * @param {Changes} changes @param {MutationRecord[]} records @param {number} max
 */
export function noteRecords(changes, records, max) {
  changes.found = undefined;
  for (const record of records) {
    const target = record.target.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (record.target) : record.target.parentElement;
    if (target) changes.places.add(target);
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) changes.roots.add(/** @type {Element} */ (node));
    }
    if (changes.roots.size + changes.places.size > max) return false;
  }
  return true;
}

/**
 * The elements matching `css` that the changes could have made fit: inside the added subtrees,
 * and the changed places' ancestors (whose text changed). In no particular order.
 * @param {Changes} changes @param {string} css
 * @returns {Element[]}
 */
export function changedCandidates(changes, css) {
  const known = (changes.found ||= new Map()).get(css);
  if (known) return known;
  /** @type {Set<Element>} */
  const found = new Set();
  for (const root of changes.roots) {
    if (!root.isConnected) continue;
    if (root.matches(css)) found.add(root);
    for (const element of root.querySelectorAll(css)) found.add(element);
  }
  for (const place of changes.places) {
    if (!place.isConnected) continue;
    for (let element = place.closest(css); element && !found.has(element); element = element.parentElement && element.parentElement.closest(css)) {
      found.add(element);
    }
  }
  const list = [...found];
  changes.found.set(css, list);
  return list;
}

/**
 * The first of `elements` in document order (what a whole-document search would find first).
 * @param {Element[]} elements
 * @returns {Element | null}
 */
export const firstInDocument = (elements) =>
  elements.reduce((first, element) => (first && !(first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) ? first : element), /** @type {Element | null} */ (null));
