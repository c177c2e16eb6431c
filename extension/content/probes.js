// The probe engine: finds the page element a plan's probe names, trying its tiers in order
// (most stable first). Reads only text and attributes (textContent, matches, querySelector):
// nothing that forces a layout.
import { changedAnything, changedCandidates, firstInDocument } from './changes.js';

/**
 * The plan's probes, as the core writes them (crates/core/bindings/).
 * @typedef {import('../../crates/core/bindings/Tier').Tier} Tier
 * @typedef {import('../wire.js').Probe} Probe
 * @typedef {import('./changes.js').Changes} Changes
 */

// The page's language decides whether the text tiers can be used. It is read once per pass (a
// pass looks up many tiers), and again in the next one, since portals set it after loading.
/** @type {boolean | null} */
let english = null;
const englishPage = () => (english ??= !document.documentElement.lang || document.documentElement.lang.toLowerCase().startsWith('en'));

// How many times a probe's find changed (another element or tier, or lost): a report of the
// finds is rebuilt only when this moved.
let findChanges = 0;

/** A new pass: the page's language is read again. */
export function newPass() {
  english = null;
}

/** Counts the changes of the finds: equal counts, equal finds. */
export const findVersion = () => findChanges;

/** @param {Element} element @param {string} text */
function textMatches(element, text) {
  const own = (element.textContent || '').trim();
  return own === text || own.startsWith(text + ' ');
}

// The label normal form of the tolerant tiers. The rules (and why) are in the core's
// crates/core/src/model/label.rs, which the build checks the catalog's labels with;
// tests/fixtures/label-normal-form.json holds the cases both implementations pass.
const SUFFIX_WORDS = ['preview', 'new', 'beta'];
/** @param {string} word */
const isSuffix = (word) => SUFFIX_WORDS.includes(word) || /^[0-9]+\+?$/.test(word);
const ENDS = /^[^\p{Alphabetic}\p{N}()[\]]+|[^\p{Alphabetic}\p{N}()[\]]+$/gu;

/**
 * Lower case, white space collapsed, signs and icon glyphs at the ends dropped, and suffixes
 * ("(Preview)", "(3)", "New") dropped from the end while something remains before them.
 * @param {string} text
 */
export function normalizeLabel(text) {
  let s = String(text).toLowerCase().split(/\p{White_Space}+/u).filter(Boolean).join(' ');
  for (;;) {
    const trimmed = s.replace(ENDS, '');
    let next = trimmed;
    const close = trimmed.slice(-1);
    const start = close === ')' ? trimmed.lastIndexOf('(') : close === ']' ? trimmed.lastIndexOf('[') : -1;
    const head = start < 0 ? '' : trimmed.slice(0, start).trimEnd();
    const space = trimmed.lastIndexOf(' ');
    if (head && isSuffix(trimmed.slice(start + 1, -1).trim())) next = head;
    else if (space > 0 && isSuffix(trimmed.slice(space + 1))) next = trimmed.slice(0, space);
    if (next === s) return s;
    s = next;
  }
}

/** What a role tier's candidates are. */
const ROLES = /** @type {Record<string, string>} */ ({
  tab: '[role="tab"]',
  menuitem: '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]',
  button: '[role="button"], [role="link"], button:not([role]), a[href]:not([role])',
});

/** An element's accessible name, as far as a tolerant tier reads it. @param {Element} element */
const nameOf = (element) => (element.getAttribute('aria-label') || '').trim() || (element.textContent || '').trim() || element.getAttribute('title') || '';

/** Is `element` one of our own (a mark, the chip, the pill, the panel), or inside one? @param {Element} element */
function ours(element) {
  for (let e = /** @type {Element | null} */ (element); e; e = e.parentElement) {
    if (e.getAttributeNames().some((name) => name.startsWith('data-wayfinder'))) return true;
  }
  return false;
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
  if (tier.by === 'link-path') return `${tier.within} a[href]`;
  if (!englishPage()) return null;
  if (tier.by === 'role') return Object.hasOwn(ROLES, tier.role) ? ROLES[tier.role] : null;
  return tier.by === 'text' || tier.by === 'label' || tier.by === 'aria-label' ? tier.within : null;
}

/**
 * A tolerant tier's label in its normal form, and its longest word: a name whose lower case does
 * not contain that word cannot have the normal form, so most candidates are passed over without
 * normalizing their names.
 * @type {WeakMap<Tier, {want: string, word: string}>}
 */
const wanted = new WeakMap();

/** @param {Tier & {text: string}} tier */
function wantOf(tier) {
  let known = wanted.get(tier);
  if (!known) {
    const want = normalizeLabel(tier.text);
    known = { want, word: want.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '') };
    wanted.set(tier, known);
  }
  return known;
}

/**
 * Does the candidate `element` fit `tier`? A tolerant tier compares names in their normal form
 * and never takes an element of ours or inside the page's user content (`userContent`).
 * @param {Element} element @param {Tier} tier @param {string | undefined} userContent
 */
function accepts(element, tier, userContent) {
  if (tier.by === 'selector') return true;
  if (tier.by === 'text') return textMatches(element, tier.text);
  if (tier.by === 'link-path') return pathOf(element) === tier.path;
  const { want, word } = wantOf(tier);
  const names = tier.by === 'label' ? [element.textContent || ''] : tier.by === 'aria-label' ? [element.getAttribute('aria-label') || '', element.getAttribute('title') || ''] : [nameOf(element)];
  const named = names.some((name) => name.toLowerCase().includes(word) && normalizeLabel(name) === want);
  return want !== '' && named && !ours(element) && !(userContent && element.closest(userContent));
}

/** @param {Element | undefined} element @param {Tier} tier @param {string | undefined} userContent */
function fits(element, tier, userContent) {
  const css = candidates(tier);
  return Boolean(css) && element !== undefined && element.isConnected && element.matches(/** @type {string} */ (css)) && accepts(element, tier, userContent);
}

/**
 * The first element of the page that fits `tier`; with `changes`, the first among those the
 * changes could have made fit (the rest of the page was searched before and had none).
 * @param {Tier} tier @param {string | undefined} userContent @param {Changes | null} changes
 * @returns {Element | null}
 */
function search(tier, userContent, changes) {
  const css = candidates(tier);
  if (!css) return null;
  if (changes) return firstInDocument(changedCandidates(changes, css).filter((e) => accepts(e, tier, userContent)));
  if (tier.by === 'selector') return document.querySelector(css);
  return Array.from(document.querySelectorAll(css)).find((e) => accepts(e, tier, userContent)) || null;
}

// What each probe found last (memo key → [tier, element, the tier's index]), so a pass under
// page churn checks that element instead of searching again: a text tier reads the text of every
// candidate. An element that still fits its tier stays the anchor even if an earlier one now fits
// too, so a mark does not jump; a new plan starts afresh.
/** @type {Map<string, [Tier, Element, number]>} */
let lastFound = new Map();
/** The probes that looked and found nothing: only a change can make them find. @type {Set<string>} */
let lastMissed = new Set();

/**
 * Which tier of its probe found what `memo` names last: its index and kind, or null.
 * @param {string} memo
 * @returns {{tier: number, by: string} | null}
 */
export function foundBy(memo) {
  const found = lastFound.get(memo);
  return found ? { tier: found[2], by: found[0].by } : null;
}

/** Forgets every last find (a new plan). */
export function resetProbes() {
  lastFound = new Map();
  lastMissed = new Set();
  findChanges += 1;
}

/**
 * The element `probe` names on this page, or null. `memo` names the probe's last find. With
 * `changes`, a probe whose last find still fits, or that looked and found nothing before,
 * searches only the changed parts of the page (a control appears by a mutation); without, on its
 * first look, or when its last find was lost, it searches the whole page.
 * @param {Probe | null | undefined} probe
 * @param {string} memo
 * @param {Changes | null} [changes]
 * @returns {Element | null}
 */
export function findTarget(probe, memo, changes = null) {
  const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
  const userContent = probe && typeof probe.userContent === 'string' ? probe.userContent : undefined;
  const found = lastFound.get(memo);
  const [lastTier, last] = found || [];
  const lastFits = found !== undefined && safely(() => fits(last, /** @type {Tier} */ (lastTier), userContent));
  // A lost find (its element removed or changed), or a first look, is looked for everywhere.
  const everywhere = !changes || (found ? !lastFits : !lastMissed.has(memo));
  for (const [index, tier] of tiers.entries()) {
    const element =
      tier === lastTier && lastFits
        ? /** @type {Element} */ (last)
        : safely(() => search(tier, userContent, everywhere ? null : changes));
    if (!element) continue;
    if (!found || found[1] !== element || found[0] !== tier) findChanges += 1;
    lastFound.set(memo, [tier, element, index]);
    lastMissed.delete(memo);
    // Marks cannot live inside a form control: an option anchors its select.
    return element.tagName === 'OPTION' ? element.closest('select') || element : element;
  }
  if (found) findChanges += 1;
  lastFound.delete(memo);
  lastMissed.add(memo);
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
 * item)? The first tier with any candidate decides. With `changes`, the page is counted again
 * only when the changes hold a fitting candidate other than `element` (the one found), or could
 * have removed the second one; otherwise `last` (the previous answer) stands.
 * @param {Probe | null | undefined} probe
 * @param {Changes | null} changes
 * @param {boolean} last
 * @param {Element | null} element
 */
export function moreThanOne(probe, changes, last, element) {
  const tiers = probe && Array.isArray(probe.tiers) ? probe.tiers : [];
  const userContent = probe && typeof probe.userContent === 'string' ? probe.userContent : undefined;
  if (changes) {
    const another = (/** @type {Tier} */ tier) => {
      const css = candidates(tier);
      return css !== null && Boolean(safely(() => changedCandidates(changes, css).some((e) => e !== element && accepts(e, tier, userContent))));
    };
    if (!(last && changedAnything(changes)) && !tiers.some(another)) return last;
  }
  for (const tier of tiers) {
    const css = candidates(tier);
    const found = css ? safely(() => Array.from(document.querySelectorAll(css)).filter((e) => accepts(e, tier, userContent)).length) : 0;
    if (found) return found > 1;
  }
  return false;
}
