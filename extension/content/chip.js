// The onboarding chip: every portal page shows its tenant's onboarding status, as the worker's
// answer to a route change carries it. Small, in its own open shadow root in the dock; only the
// chip itself takes pointer events. Text only.
import { dockChip } from './dock.js';
import { pageFont } from './palette.js';
import { palette } from './theme.js';

/** @typedef {{state: string, label: string, title: string}} Chip */

/** @type {Record<string, import('./palette.js').Tone>} */
const TONES = { connected: 'good', 'not-connected': 'warn' };

/** @type {HTMLElement | null} */
let host = null;
/** @type {Chip | null} */
let shown = null;

/** Draws `chip` (null: none). @param {Chip | null} chip */
export function drawChip(chip) {
  shown = chip;
  if (!chip) return dockChip(null);
  if (!host) {
    host = document.createElement('div');
    host.setAttribute('data-wayfinder-chip-host', '');
    host.attachShadow({ mode: 'open' });
  }
  const [colour, background] = palette()[Object.hasOwn(TONES, chip.state) ? TONES[chip.state] : 'neutral'];
  const element = document.createElement('span');
  element.setAttribute('data-wayfinder-kind', 'onboarding');
  element.setAttribute('data-wayfinder-id', 'onboarding-status');
  element.setAttribute('data-wayfinder-state', chip.state);
  element.setAttribute('role', 'status');
  element.title = chip.title;
  element.textContent = chip.label;
  Object.assign(element.style, {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: '10px',
    border: `1px solid ${colour}`,
    background,
    color: colour,
    ...pageFont('18px'),
    pointerEvents: 'auto',
    whiteSpace: 'nowrap',
  });
  /** @type {ShadowRoot} */ (host.shadowRoot).replaceChildren(element);
  dockChip(host);
}

/** Draws the chip again in the page's new colours. */
export const redrawChip = () => shown && drawChip(shown);
