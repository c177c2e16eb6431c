// The probe engine: finds the page element a plan's probe names, trying its tiers in order
// (most stable first). Reads only text and attributes (textContent, matches, querySelector):
// nothing that forces a layout.

/**
 * @typedef {{by: 'selector', css: string}
 *   | {by: 'text', within: string, text: string}
 *   | {by: 'link-path', within: string, path: string}} Tier
 * @typedef {{tiers: Tier[]}} Probe
 */

const englishPage = () => !document.documentElement.lang || document.documentElement.lang.toLowerCase().startsWith('en');

/** @param {Element} element @param {string} text */
function textMatches(element, text) {
  const own = (element.textContent || '').trim();
  return own === text || own.startsWith(text + ' ');
}

/** @param {Element} link */
function pathOf(link) {
  try {
    return new URL(/** @type {HTMLAnchorElement} */ (link).href, location.href).pathname;
  } catch {
    return null;
  }
}

/**
 * A tier names its candidates by CSS (null: the tier cannot be used on this page) and takes the
 * first candidate it accepts; a search and the check of the last find share these two.
 * @param {Tier} tier
 */
function candidates(tier) {
  if (tier.by === 'selector') return tier.css;
  if (tier.by === 'text') return englishPage() ? tier.within : null;
  if (tier.by === 'link-path') return `${tier.within} a[href]`;
  return null;
}

/** @param {Element} element @param {Tier} tier */
const accepts = (element, tier) => (tier.by === 'text' ? textMatches(element, tier.text) : tier.by !== 'link-path' || pathOf(element) === tier.path);

/** @param {Element | undefined} element @param {Tier} tier */
function fits(element, tier) {
  const css = candidates(tier);
  return Boolean(css) && element !== undefined && element.isConnected && element.matches(/** @type {string} */ (css)) && accepts(element, tier);
}

/** @param {Tier} tier @returns {Element | null} */
function search(tier) {
  const css = candidates(tier);
  if (!css) return null;
  if (tier.by === 'selector') return document.querySelector(css);
  return Array.from(document.querySelectorAll(css)).find((e) => accepts(e, tier)) || null;
}

// What each probe found last (memo key → [tier, element]), so a pass under page churn checks
// that element instead of searching again: a text tier reads the text of every candidate. An
// element that still fits its tier stays the anchor even if an earlier one now fits too, so a
// mark does not jump; a new plan starts afresh.
/** @type {Map<string, [Tier, Element]>} */
let lastFound = new Map();

/** Forgets every last find (a new plan). */
export function resetProbes() {
  lastFound = new Map();
}

/**
 * The element `probe` names on this page, or null. `memo` names the probe's last find.
 * @param {Probe | null | undefined} probe
 * @param {string} memo
 * @returns {Element | null}
 */
export function findTarget(probe, memo) {
  const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
  const [lastTier, last] = lastFound.get(memo) || [];
  for (const tier of tiers) {
    let element = null;
    try {
      element = tier === lastTier && fits(last, tier) ? /** @type {Element} */ (last) : search(tier);
    } catch {
      // A selector the browser rejects is a data problem; try the next tier.
    }
    if (!element) continue;
    lastFound.set(memo, [tier, element]);
    // Marks cannot live inside a form control: an option anchors its select.
    return element.tagName === 'OPTION' ? element.closest('select') || element : element;
  }
  lastFound.delete(memo);
  return null;
}
