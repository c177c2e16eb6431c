// The open panel: the extension-origin overlay iframe, where the leptos UI (wasm) renders the
// plan. It exists only while the panel is open: a collapsed panel is the pill, and the tab
// then holds no iframe and no wasm.
//
// The page owns its DOM: its scripts can restyle, move or navigate what we add. So the host is
// `display: contents` (no box of its own: a transform or filter on it cannot move the frame)
// with its inherited properties pinned, and the frame's whole style is inline inside the shadow
// root, which page styles do not enter. A watcher undoes what a page script changes in their
// style, puts the frame back when it is removed or changed in what it loads, and after every load
// asks the frame to answer from our origin, rebuilding it when it does not (the page navigated
// it). Attributes that change neither look nor content (`inert` from a portal modal, `data-*` of
// other extensions) are left alone. A page that keeps forcing repairs gets the panel closed on
// that route instead of a fight.
import { cornerPosition, isTop, MARGIN_PX, PANEL_WIDTH_PX, pageParent, pin, TOP_CLEARANCE_PX, Z_INDEX } from './layout.js';
import { pageTheme } from './theme.js';

const HOST_ATTRIBUTE = 'data-wayfinder-host';
const HOST_STYLE = { display: 'contents', visibility: 'visible', 'pointer-events': 'none' };
const FRAME_CONTENT_ATTRIBUTES = ['src', 'srcdoc', 'sandbox', 'allow', 'csp', 'name'];
const MAX_REPAIRS_PER_SECOND = 10;
const HANDSHAKE_MS = 3000;
const MIN_HEIGHT_PX = 44;

/** @type {HTMLElement | null} */
let host = null;
/** @type {HTMLIFrameElement | null} */
let frame = null;
/** @type {string[]} */
let frameOrigins = [];
/** @type {MutationObserver | null} */
let hostWatcher = null;
let frameHeight = MIN_HEIGHT_PX;
let frameStyle = '';
let hostStyle = '';
let handshake = 0; // timer: the frame has not answered since its last load
let frameLoaded = false; // the frame has fired a load since it was made
let sized = false; // the frame has reported the height of its drawn plan; until then it is not shown
let focusWanted = false; // the user opened the panel: the focus goes in once it is shown
/** @type {number[]} */
let repairs = [];
/** @type {import('./layout.js').Corner} */
let corner = 'bottom-right';
let veiled = false; // hidden between a route change and its new plan
let events = { collapse: () => {}, closedByPage: () => {} };

/** What the open panel reports. @param {{collapse: () => void, closedByPage: () => void}} next */
export function onPanel(next) {
  events = next;
}

export const panelOpen = () => host !== null;

function styleFrame() {
  if (!frame) return;
  frame.removeAttribute('style');
  const clearance = TOP_CLEARANCE_PX + MARGIN_PX + (isTop(corner) ? MARGIN_PX : 0);
  // CSSOM properties, not a <style> element: the page's style-src CSP governs the latter.
  Object.assign(frame.style, {
    position: 'fixed',
    ...cornerPosition(corner),
    width: PANEL_WIDTH_PX + 'px',
    height: frameHeight + 'px',
    maxHeight: `calc(100vh - ${clearance}px)`,
    border: '0',
    borderRadius: '8px',
    boxShadow: '0 6px 20px rgba(0, 0, 0, 0.18)',
    // The frame's page takes the portal's theme; the same scheme on the element keeps the
    // frame's canvas transparent (https://www.w3.org/TR/css-color-adjust-1/#color-scheme-effect).
    colorScheme: pageTheme() || 'normal',
    background: 'transparent',
    zIndex: Z_INDEX,
    display: 'block',
    visibility: veiled ? 'hidden' : 'visible',
    // Transparent, not hidden, until sized: the browser does not render a hidden cross-origin frame.
    opacity: sized ? '1' : '0',
    pointerEvents: sized ? 'auto' : 'none',
  });
  frameStyle = frame.getAttribute('style') || '';
}

/** @type {string | null} */
let panelKey = null; // the worker's key for this tab, which the overlay presents to it

/** Keeps the worker's panel key for the frames this script mounts. @param {string} key */
export function setPanelKey(key) {
  panelKey = key;
}

/** To our page in the frame only: addressed to each of our origins. @param {object} message */
function postToFrame(message) {
  const target = frame && frame.contentWindow;
  if (target) for (const origin of frameOrigins) target.postMessage(message, origin);
}

// Every load, ours or one the page caused: only our page answers a message addressed to our
// origin (postMessage drops it for any other document), so no answer means a foreign page.
function askFrame() {
  frameLoaded = true;
  clearTimeout(handshake);
  // A frame that loads again (moved in the page's DOM, or sent back to our page) holds a new
  // document, hidden until it is told it is shown: it is shown again at its first height.
  if (sized) {
    sized = false;
    styleFrame();
  }
  // The key goes only to our own page: postMessage addressed to our origins is dropped for any
  // other document, and the page's own scripts cannot read a message sent to the frame.
  postToFrame({ wayfinderPing: true, wayfinderTheme: pageTheme(), wayfinderKey: panelKey });
  handshake = setTimeout(() => host && repair(makeFrame), HANDSHAKE_MS);
}

function makeFrame() {
  if (!host) return;
  if (frame) frame.remove();
  frame = document.createElement('iframe');
  frameLoaded = false;
  sized = focusWanted = false;
  frame.src = chrome.runtime.getURL('overlay.html');
  // The frame may report the extension's static origin although it was loaded through its
  // dynamic (use_dynamic_url) URL; accept both, computed once per frame.
  frameOrigins = [`chrome-extension://${chrome.runtime.id}`, new URL(frame.src).origin];
  // The sync card's "Copy verify query" writes to the clipboard from inside this frame. Both
  // origins are named: the document reports the static one, the source is the dynamic one.
  frame.allow = `clipboard-write ${frameOrigins.join(' ')}`;
  frame.title = 'SecOps Wayfinder';
  styleFrame();
  frame.addEventListener('load', askFrame);
  /** @type {ShadowRoot} */ (host.shadowRoot).replaceChildren(frame);
  guard.observe(frame, { attributes: true });
}

/** A change we did not make: put it back, unless the page keeps making them. @param {() => void} fix */
function repair(fix) {
  const now = Date.now();
  repairs = repairs.filter((t) => now - t < 1000).concat(now);
  if (repairs.length > MAX_REPAIRS_PER_SECOND) {
    console.warn('SecOps Wayfinder: this page keeps changing the panel, so it is closed on this page.');
    closePanel();
    return events.closedByPage();
  }
  fix();
}

const hostIntact = () => host !== null && host.getAttribute('style') === hostStyle && host.hasAttribute(HOST_ATTRIBUTE);

function pinHost() {
  if (!host) return;
  host.setAttribute(HOST_ATTRIBUTE, '');
  hostStyle = pin(host, HOST_STYLE) || '';
}

// Our own writes are recorded too; they leave the element as we want it, so they are skipped.
const guard = new MutationObserver((records) => {
  for (const record of records) {
    if (!host || !frame) return;
    const name = record.attributeName || '';
    if (record.type === 'childList') {
      if (frame.parentNode !== host.shadowRoot) repair(makeFrame);
    } else if (record.target === host && (name === 'style' || name === HOST_ATTRIBUTE) && !hostIntact()) {
      repair(pinHost);
    } else if (record.target === frame && FRAME_CONTENT_ATTRIBUTES.includes(name)) {
      repair(makeFrame);
    } else if (record.target === frame && name === 'style' && frame.getAttribute('style') !== frameStyle) {
      repair(styleFrame);
    }
  }
});

function attachHost() {
  if (!host) return;
  const parent = pageParent();
  parent.append(host);
  // Portals re-render whole subtrees; put the panel back if the page removes or moves it (a
  // repair like any other: a page that keeps doing it closes the panel, not a loop).
  if (hostWatcher) hostWatcher.disconnect();
  hostWatcher = new MutationObserver(() => {
    if (host && host.parentNode !== parent) requestAnimationFrame(() => host && host.parentNode !== parent && repair(attachHost));
  });
  hostWatcher.observe(parent, { childList: true });
}

// The overlay answers the load check, reports its content height so the iframe fits it, and
// asks to collapse. Accepted only from our own frame and origin; nothing else is read.
/** @param {MessageEvent} event */
function onFrameMessage(event) {
  // The origin first: it is a string, while reading `contentWindow` costs a call into the frame.
  if (!frame || !frameOrigins.includes(event.origin) || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data) return;
  if (data.wayfinderPong === true) return clearTimeout(handshake);
  if (data.wayfinderCollapse === true) return events.collapse();
  const height = data.wayfinderHeight;
  if (typeof height !== 'number' || !Number.isFinite(height)) return;
  const next = Math.max(MIN_HEIGHT_PX, Math.ceil(height));
  if (next === frameHeight && sized) return; // the panel reports every resize, most of them no change
  frameHeight = next;
  // The first height shows the frame: it opens once, at its size, instead of growing under the
  // pointer while its plan loads.
  if (!sized) {
    sized = true;
    styleFrame();
    postToFrame({ wayfinderShown: true });
    return focusWanted && frame.focus();
  }
  // Only the height changes; the guard compares the whole attribute, so it is read back.
  frame.style.height = next + 'px';
  frameStyle = frame.getAttribute('style') || '';
}

/** Opens the panel in `at` (a corner), or moves an open one there. @param {import('./layout.js').Corner} at */
export function openPanel(at) {
  const moved = at !== corner;
  corner = at;
  if (host) {
    if (!host.isConnected) attachHost();
    if (moved) styleFrame();
    return;
  }
  host = document.createElement('div');
  pinHost();
  host.attachShadow({ mode: 'open' });
  frameHeight = MIN_HEIGHT_PX;
  repairs = [];
  makeFrame();
  guard.observe(host, { attributes: true });
  guard.observe(/** @type {ShadowRoot} */ (host.shadowRoot), { childList: true });
  window.addEventListener('message', onFrameMessage);
  attachHost();
}

/** Closes the panel: the frame and its wasm are gone from the tab. */
export function closePanel() {
  if (!host) return;
  if (hostWatcher) hostWatcher.disconnect();
  guard.disconnect();
  clearTimeout(handshake);
  window.removeEventListener('message', onFrameMessage);
  host.remove();
  host = frame = hostWatcher = null;
  frameOrigins = [];
  veiled = false;
}

/** Hides the open panel's old content until the new page's plan arrives (or shows it again). @param {boolean} hide */
export function veilPanel(hide) {
  if (veiled === hide) return;
  veiled = hide;
  styleFrame();
}

/** Tells the open panel the page's theme changed. */
export function followPanelTheme() {
  if (!frame) return;
  styleFrame();
  // A frame still loading gets the theme with the load check's ping. Reaching into it before
  // (`contentWindow`) cost the page's main thread milliseconds, once per frame.
  if (frameLoaded) postToFrame({ wayfinderTheme: pageTheme() });
}

/** Puts the keyboard focus into the panel (the user opened it). */
export function focusPanel() {
  focusWanted = !sized;
  if (frame && sized) frame.focus();
}
