// Marks: what the plan places next to page elements (notices at their controls, trainer labels,
// sync marks). A mark is a host element with its own shadow root, so portal styles do not reach
// it and its text stays out of the page's text content. Labels are set as text, never as HTML.
import { warningIcon } from './icons.js';
import { pageFont } from './palette.js';
import { palette } from './theme.js';

/**
 * @typedef {{kind: string, id: string, label: string, place?: string, state?: string,
 *   row?: string, title?: string, frame?: string, probe?: import('./probes.js').Probe}} Anchor
 * @typedef {HTMLElement & {wfLabel?: string}} Mark
 */

// Sync marks are coloured by state: green when synced, grey when unknown or still checking,
// amber for every "not synced" state.
/** @type {Record<string, import('./palette.js').Tone>} */
const SYNC_TONES = { synced: 'good', unknown: 'neutral', checking: 'neutral' };

/** "kind:id" (or "row:key") → the mark in the page */
/** @type {Map<string, Mark>} */
export const marks = new Map();

/** @param {Anchor} anchor @returns {import('./palette.js').Tone} */
function toneOf(anchor) {
  if (anchor.kind === 'sync') return anchor.state && Object.hasOwn(SYNC_TONES, anchor.state) ? SYNC_TONES[anchor.state] : 'warn';
  return anchor.kind === 'trainer' ? 'link' : 'warn';
}

/** @param {Anchor} anchor @returns {Mark} */
function makeMark(anchor) {
  const boxed = anchor.kind !== 'trainer';
  const [colour, background] = palette()[toneOf(anchor)];
  /** @type {Mark} */
  const mark = document.createElement('span');
  mark.setAttribute('data-wayfinder-kind', anchor.kind);
  mark.setAttribute('data-wayfinder-id', anchor.id);
  if (anchor.state) mark.setAttribute('data-wayfinder-state', anchor.state);
  if (anchor.row) mark.setAttribute('data-wayfinder-row', anchor.row);
  if (anchor.title) mark.title = anchor.title;
  mark.wfLabel = anchor.label;
  const text = document.createElement('span');
  text.className = 'wf-mark-text';
  if (anchor.kind === 'notice') text.append(warningIcon(), ' ');
  text.append(anchor.label);
  Object.assign(text.style, {
    display: boxed ? 'inline-block' : 'block',
    margin: boxed ? '2px 6px' : '2px 0 0',
    padding: boxed ? '1px 6px' : '0',
    borderRadius: '4px',
    background,
    border: boxed ? `1px solid ${colour}` : '0',
    ...pageFont('16px'),
    color: colour,
    whiteSpace: 'normal',
  });
  mark.attachShadow({ mode: 'open' }).append(text);
  mark.style.display = boxed ? 'inline-block' : 'block';
  return mark;
}

/**
 * Puts `anchor`'s mark at `target` (none: removes it) unless it is already there with the same
 * text.
 * @param {string} key
 * @param {Anchor} anchor
 * @param {Element | null} target
 */
export function place(key, anchor, target) {
  const mark = marks.get(key);
  const placed = anchor.place === 'after' ? mark && mark.previousElementSibling === target : mark && mark.parentElement === target;
  if (mark && target && mark.isConnected && placed && mark.wfLabel === anchor.label) return;
  if (mark) mark.remove();
  marks.delete(key);
  if (!target) return;
  const fresh = makeMark(anchor);
  if (anchor.place === 'after') target.after(fresh);
  else if (anchor.place === 'prepend') target.prepend(fresh);
  else target.append(fresh);
  marks.set(key, fresh);
}

/** Removes the marks not in `wanted`. @param {Set<string>} wanted */
export function keepOnly(wanted) {
  for (const [key, mark] of marks) {
    if (!wanted.has(key)) {
      mark.remove();
      marks.delete(key);
    }
  }
}

/** Removes every mark. */
export function removeMarks() {
  for (const mark of marks.values()) mark.remove();
  marks.clear();
}
