// Sync readings: the plan says what to read (the catalog's sync readers); the worker's core
// decides what it means. Values are text, bounded; textContent only (it forces no layout).

/** @typedef {import('../wire.js').Queue} Queue A queue as the plan describes it (crates/core/bindings/). */
/** @typedef {{key: string, values: Record<string, string>, cell: Element | null}} Row */

const MAX_ROWS = 500;
const MAX_KEY = 64;

/** Trimmed and cut to 256 characters. @param {string | null | undefined} text */
export const clip = (text) => (text || '').trim().slice(0, 256);

/**
 * What a reader reads of `element`: its link, its text, or a neighbour's text.
 * @param {Element} element
 * @param {string} read
 */
export function readValue(element, read) {
  if (read === 'href') return /** @type {HTMLAnchorElement} */ (element).href ? String(/** @type {HTMLAnchorElement} */ (element).href) : '';
  if (read === 'next-text') return clip(element.nextElementSibling && element.nextElementSibling.textContent);
  if (read === 'previous-text') return clip(element.previousElementSibling && element.previousElementSibling.textContent);
  return clip(element.textContent);
}

/**
 * The rows of an incident queue. Cells are found by their column header's text, as the
 * portals' grids keep cells in header order. A caller that also needs the header and row
 * elements passes them in, so the page is searched once.
 * @param {Queue} queue
 * @param {NodeListOf<Element>} [headerCells]
 * @param {NodeListOf<Element>} [rowElements]
 * @returns {Row[]}
 */
export function readRows(queue, headerCells = document.querySelectorAll(queue.headers), rowElements = document.querySelectorAll(queue.rows)) {
  const headers = Array.from(headerCells, (h) => (h.textContent || '').trim());
  const keyAt = headers.indexOf(queue.key);
  if (keyAt < 0) return [];
  const badgeAt = headers.indexOf(queue.badgeIn);
  const columns = queue.columns.map((c) => /** @type {[string, number]} */ ([c.id, headers.indexOf(c.header)]));
  /** @type {Row[]} */
  const rows = [];
  for (const row of rowElements) {
    if (rows.length >= MAX_ROWS) break;
    const cells = row.querySelectorAll(queue.cells);
    const key = cells[keyAt] ? clip(cells[keyAt].textContent) : '';
    if (!key || key.length > MAX_KEY) continue;
    /** @type {Record<string, string>} */
    const values = {};
    for (const [id, at] of columns) if (at >= 0 && cells[at]) values[id] = clip(cells[at].textContent);
    rows.push({ key, values, cell: cells[badgeAt] || null });
  }
  return rows;
}
