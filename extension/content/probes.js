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
 * What changed in the page since the last pass, from its mutation records: `inside`, elements
 * whose whole subtree is new (added), and `at`, elements whose own text changed. A pass looks
 * for a control it has not found only where it could have appeared.
 * @typedef {{inside: Element[], at: Element[]}} Changes
 */

/** Could `changes` hold a candidate of `css`? @param {Changes} changes @param {string} css */
export const couldHold = (changes, css) =>
  changes.inside.some((e) => e.matches(css) || e.closest(css) !== null || e.querySelector(css) !== null) ||
  changes.at.some((e) => e.closest(css) !== null);

/**
 * The element `probe` names on this page, or null. `memo` names the probe's last find. With
 * `changes`, a probe that found nothing before searches only when the changes could hold one of
 * its candidates (a control appears by a mutation); without, it searches the whole page.
 * @param {Probe | null | undefined} probe
 * @param {string} memo
 * @param {Changes | null} [changes]
 * @returns {Element | null}
 */
export function findTarget(probe, memo, changes = null) {
  const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
  const found = lastFound.get(memo);
  const [lastTier, last] = found || [];
  const lastFits = found !== undefined && safely(() => fits(last, /** @type {Tier} */ (lastTier)));
  // A lost find (its element removed or changed) is looked for everywhere.
  const everywhere = !changes || (found !== undefined && !lastFits);
  for (const tier of tiers) {
    const element =
      tier === lastTier && lastFits
        ? /** @type {Element} */ (last)
        : safely(() => (everywhere || couldHoldTier(/** @type {Changes} */ (changes), tier) ? search(tier) : null));
    if (!element) continue;
    lastFound.set(memo, [tier, element]);
    // Marks cannot live inside a form control: an option anchors its select.
    return element.tagName === 'OPTION' ? element.closest('select') || element : element;
  }
  lastFound.delete(memo);
  return null;
}

/**
 * `read()`, or null (false) when it throws: a selector the browser rejects is a data problem,
 * and the next tier is tried.
 * @template T
 * @param {() => T} read
 * @returns {T | null}
 */
function safely(read) {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * Does `probe` name more than one element of this page (a reading that could belong to another
 * item)? The first tier with any candidate decides. With `changes`, only a tier whose
 * candidates could have changed is read again; otherwise `last` (the previous answer) stands.
 * @param {Probe | null | undefined} probe
 * @param {Changes | null} changes
 * @param {boolean} last
 */
export function moreThanOne(probe, changes, last) {
  const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
  if (changes && !tiers.some((tier) => couldHoldTier(changes, tier))) return last;
  for (const tier of tiers) {
    const css = candidates(tier);
    const found = css ? safely(() => Array.from(document.querySelectorAll(css)).filter((e) => accepts(e, tier)).length) : 0;
    if (found) return found > 1;
  }
  return false;
}

/** @param {Changes} changes @param {Tier} tier */
function couldHoldTier(changes, tier) {
  const css = candidates(tier);
  return css !== null && couldHold(changes, css);
}
