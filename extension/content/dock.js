// The dock: a small fixed box in the panel's corner holding the onboarding chip and, while the
// panel is closed, the pill. One flex row, so neither needs the other's measured width (reading
// a box's size would force a layout). Beside an open panel it holds the chip alone.
import { cornerPosition, isLeft, isTop, MARGIN_PX, PANEL_WIDTH_PX, pageParent, pin, Z_INDEX } from './layout.js';

/** @type {HTMLElement | null} */
let dock = null;
/** @type {MutationObserver | null} */
let watcher = null;
/** @type {HTMLElement | null} */
let chipHost = null;
/** @type {HTMLElement | null} */
let pillHost = null;
let placement = { corner: /** @type {import('./layout.js').Corner} */ ('bottom-right'), panelOpen: false };

function place() {
  if (!dock) return;
  const { corner, panelOpen } = placement;
  pin(dock, {
    position: 'fixed',
    ...cornerPosition(corner, panelOpen ? 2 * MARGIN_PX + PANEL_WIDTH_PX : MARGIN_PX),
    'z-index': Z_INDEX,
    display: 'flex',
    'flex-direction': isLeft(corner) ? 'row-reverse' : 'row',
    'align-items': isTop(corner) ? 'flex-start' : 'flex-end',
    gap: '8px',
    visibility: 'visible',
    // Only the chip and the pill take clicks; the rest of the box lets them through.
    'pointer-events': 'none',
    margin: '0',
    padding: '0',
    transform: 'none',
  });
}

function render() {
  const hosts = [chipHost, pillHost].filter((h) => h !== null);
  if (hosts.length === 0) {
    if (watcher) watcher.disconnect();
    if (dock) dock.remove();
    dock = watcher = null;
    return;
  }
  if (!dock) {
    dock = document.createElement('div');
    dock.setAttribute('data-wayfinder-dock', '');
  }
  place();
  dock.replaceChildren(...hosts);
  const parent = pageParent();
  if (!dock.isConnected) parent.append(dock);
  if (!watcher) {
    // Portals re-render whole subtrees; put the dock back if the page removes it, and its hosts
    // back into it if the page takes them out.
    watcher = new MutationObserver(() => {
      if (!dock) return;
      if (!dock.isConnected) parent.append(dock);
      const hosts = [chipHost, pillHost].filter((h) => h !== null);
      if (hosts.some((h) => h.parentNode !== dock)) dock.replaceChildren(...hosts);
    });
    watcher.observe(parent, { childList: true });
    watcher.observe(dock, { childList: true });
  }
}

/** Shows the chip's host in the dock (null: no chip). @param {HTMLElement | null} host */
export function dockChip(host) {
  if (host === chipHost) return;
  chipHost = host;
  render();
}

/** Shows the pill's host in the dock (null: no pill). @param {HTMLElement | null} host */
export function dockPill(host) {
  if (host === pillHost) return;
  pillHost = host;
  render();
}

/**
 * Moves the dock to `corner`, beside the open panel or in the corner itself.
 * @param {{corner: import('./layout.js').Corner, panelOpen: boolean}} next
 */
export function placeDock(next) {
  if (next.corner === placement.corner && next.panelOpen === placement.panelOpen) return;
  placement = next;
  place();
}
