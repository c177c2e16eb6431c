// The pill: the panel, collapsed. By default the panel is this small button in its corner,
// showing the brand and how many items the page has; it costs the page no iframe and no wasm.
// A click (or Enter / Space) opens the panel; the arrow beside it moves both to the next corner.
import { dockPill } from './dock.js';
import { moveIcon } from './icons.js';
import { pageFont } from './palette.js';
import { palette } from './theme.js';

/**
 * The pill's words, from the worker's answer with every plan (`{count}` in `open` stands for the
 * number of items). A content script's first chrome.i18n call would cost the page a synchronous
 * IPC for the whole message bundle; the worker has the bundle at hand.
 * @typedef {{open: string, name: string, move: string, group: string}} Words
 */
/** @type {Words | null} */
let words = null;

/** Keeps the pill's words from a worker answer, when it has them all. @param {unknown} given */
export function pillWords(given) {
  const w = /** @type {Record<string, unknown>} */ (given || {});
  if (['open', 'name', 'move', 'group'].every((k) => typeof w[k] === 'string')) words = /** @type {Words} */ (w);
}

/** One of the pill's words, with the count in place. @param {keyof Words} key */
const word = (key) => (words ? words[key].replaceAll('{count}', String(count)) : '');

/** @type {HTMLElement | null} */
let host = null;
let count = 0;
let handlers = { open: () => {}, move: () => {} };

/** What the pill does when used. @param {{open: () => void, move: () => void}} next */
export function onPill(next) {
  handlers = next;
}

/** @param {HTMLElement} element @param {Record<string, string>} style */
const styled = (element, style) => Object.assign(element.style, style);

function build() {
  const [link] = palette().link;
  const [text, surface] = palette().surface;
  const box = { ...pageFont('18px'), border: `1px solid ${link}`, background: surface, color: text, cursor: 'pointer', margin: '0', pointerEvents: 'auto', boxShadow: '0 2px 8px rgba(0, 0, 0, 0.18)' };

  const open = document.createElement('button');
  open.type = 'button';
  open.setAttribute('data-wayfinder-pill', '');
  open.setAttribute('aria-expanded', 'false');
  open.setAttribute('aria-label', word('open'));
  open.title = word('open');
  styled(open, { ...box, display: 'inline-flex', alignItems: 'center', gap: '6px', padding: '4px 10px', borderRadius: '14px 0 0 14px' });
  const brand = document.createElement('span');
  brand.setAttribute('aria-hidden', 'true');
  styled(brand, { width: '10px', height: '10px', borderRadius: '50%', background: link, display: 'inline-block' });
  const name = document.createElement('span');
  name.textContent = word('name');
  const badge = document.createElement('span');
  badge.setAttribute('data-wayfinder-count', '');
  badge.textContent = String(count);
  styled(badge, { minWidth: '18px', padding: '0 5px', borderRadius: '9px', background: link, color: surface, textAlign: 'center' });
  // The space makes the visible text read "Wayfinder 3", as the accessible name begins.
  open.append(brand, name, ' ', badge);
  open.addEventListener('click', () => handlers.open());

  const move = document.createElement('button');
  move.type = 'button';
  move.setAttribute('data-wayfinder-move', '');
  move.setAttribute('aria-label', word('move'));
  move.title = word('move');
  move.append(moveIcon());
  styled(move, { ...box, padding: '4px 8px', borderLeft: '0', borderRadius: '0 14px 14px 0' });
  move.addEventListener('click', () => handlers.move());

  const group = document.createElement('div');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', word('group'));
  styled(group, { display: 'inline-flex' });
  group.append(open, move);
  return group;
}

/** Shows the pill with `items` items (0: no pill). @param {number} items */
export function drawPill(items) {
  if (items <= 0) return removePill();
  count = items;
  if (!host) {
    host = document.createElement('div');
    host.setAttribute('data-wayfinder-pill-host', '');
    host.attachShadow({ mode: 'open' });
  }
  /** @type {ShadowRoot} */ (host.shadowRoot).replaceChildren(build());
  dockPill(host);
}

/** Removes the pill (the panel is open, or the page has nothing to show). */
export function removePill() {
  dockPill(null);
}

/** Draws the pill again in the page's new colours. */
export const redrawPill = () => host && host.isConnected && drawPill(count);

/** Puts the keyboard focus on the pill (after the user collapsed the panel). */
export function focusPill() {
  const button = host && host.shadowRoot && host.shadowRoot.querySelector('[data-wayfinder-pill]');
  if (button instanceof HTMLElement) button.focus();
}
