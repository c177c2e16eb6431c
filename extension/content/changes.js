// Where the page changed since the last pass, and a selector's candidates in those parts only.
// A pass under churn (a portal grid streaming rows) then looks at the few changed subtrees, not
// at the whole document: its cost follows the change, not the page's size. Built from mutation
// records alone (no layout, no text).

/**
 * `pending`: the mutation records whose added nodes were not read yet; `placed`: how many of those
 * batches have their targets in `places` already. `roots`: elements added with their whole
 * subtree. `places`: elements whose own content changed (text edited, a child added or removed);
 * their ancestors' text changed with them. `whole`: too many changes to look at one by one, so
 * the whole page counts as changed. `found`: the candidates already looked up, by selector (many
 * probes share their candidates' selector).
 * @typedef {{pending: MutationRecord[][], placed: number, roots: Set<Element>, places: Set<Element>,
 *   whole: boolean, found?: Map<string, Element[]>}} Changes
 */

/** @returns {Changes} */
export const noChanges = () => ({ pending: [], placed: 0, roots: new Set(), places: new Set(), whole: false });

/** More changed elements than this: they are not worth looking at one by one. */
const MAX_CHANGED = 256;

/**
 * Keeps `records` until a lookup needs them. Reading a record reaches into the page's DOM, and a
 * pass whose probes all kept their finds (the page changed elsewhere) never needs them.
 * @param {Changes} changes @param {MutationRecord[]} records
 */
export function noteRecords(changes, records) {
  if (records.length > 0) changes.pending.push(records);
  changes.found = undefined;
}

/** Did anything change? (Read or not.) @param {Changes} changes */
export const changedAnything = (changes) => changes.whole || changes.pending.length > 0 || changes.places.size > 0;

/** @param {Changes} changes @param {number} max */
function tooMany(changes, max) {
  changes.whole ||= changes.roots.size + changes.places.size > max;
  if (changes.whole) {
    changes.roots.clear();
    changes.places.clear();
  }
  return changes.whole;
}

/**
 * The changed places (see `Changes`), read from the records' targets only; null when the whole
 * page counts as changed. Indexed loops: a batch holds tens of records, and a list's iterator
 * costs more than its length. A batch's records mostly share their target (a list getting rows),
 * noted once.
 * @param {Changes} changes @param {number} [max]
 * @returns {Set<Element> | null}
 */
export function changedPlaces(changes, max = MAX_CHANGED) {
  for (; changes.placed < changes.pending.length && !changes.whole; changes.placed += 1) {
    const records = changes.pending[changes.placed];
    /** @type {Node | null} */
    let last = null;
    for (let i = 0; i < records.length; i += 1) {
      const node = records[i].target;
      if (node === last) continue;
      last = node;
      const target = node.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node.parentElement;
      if (target) changes.places.add(target);
    }
    tooMany(changes, max);
  }
  return changes.whole ? null : changes.places;
}

/**
 * Reads the pending records into `places` and `roots`, or marks the changes `whole` when they
 * name more than `max` elements.
 * @param {Changes} changes @param {number} [max]
 * @returns {Changes}
 */
export function readRecords(changes, max = MAX_CHANGED) {
  changedPlaces(changes, max);
  for (let b = 0; b < changes.pending.length && !changes.whole; b += 1) {
    const records = changes.pending[b];
    for (let i = 0; i < records.length && !tooMany(changes, max); i += 1) {
      const added = records[i].addedNodes;
      for (let k = 0; k < added.length; k += 1) {
        if (added[k].nodeType === Node.ELEMENT_NODE) changes.roots.add(/** @type {Element} */ (added[k]));
      }
    }
  }
  changes.pending = [];
  changes.placed = 0;
  tooMany(changes, max);
  return changes;
}

/**
 * The elements matching `css` that the changes could have made fit: inside the added subtrees,
 * and the changed places' ancestors (whose text changed); every one on the page when the changes
 * are `whole`. In no particular order.
 * @param {Changes} changes @param {string} css
 * @returns {Element[]}
 */
export function changedCandidates(changes, css) {
  const known = (changes.found ||= new Map()).get(css);
  if (known) return known;
  if (readRecords(changes).whole) {
    const all = Array.from(document.querySelectorAll(css));
    changes.found.set(css, all);
    return all;
  }
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
