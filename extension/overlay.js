// Overlay iframe shell: loads the leptos UI, finds which tab it is in, shows that tab's plan
// from session storage and follows its changes, and reports its height to the content script.
import init, { mountOverlay, setHealth, setPlan, setProblem, setSync } from './wasm/overlay.js';
import { followTab, markPageLanguage, settingsHooks } from './tab-state.js';
import { toWorker } from './wire.js';

markPageLanguage();

// Only the height and the answer to the load check leave this frame, to the embedding portal
// page. The content script asks after every load of the frame whether it still holds our page;
// the listener is set before any await, so it is there when the frame's load event fires.
const parentOrigin = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
// The content script also says which theme the portal page shows ('light' or 'dark'; null when
// it cannot tell, and the panel then follows the system). Only those two words are taken: the page
// itself can post to this frame too, and at most changes its colours.
// Until the content script shows the frame (at its first height), the panel's content is hidden
// as well: the frame is transparent and lets clicks through to the page until then, so nothing in
// it may be offered to a click, the keyboard or assistive technology. A page that posts the word
// early only unhides content inside a frame that is still transparent.
if (parentOrigin) document.documentElement.style.visibility = 'hidden';
// The panel key comes with the content script's load check; the worker tells this frame its tab
// only for the key it gave that tab's content script. The page can post keys to this frame as
// well, so the first few are kept and tried in turn.
const MAX_KEYS = 4;
/** @type {string[]} */
const keys = [];
/** @type {(() => void) | null} */
let keyArrived = null;
window.addEventListener('message', (event) => {
  if (!parentOrigin || event.source !== window.parent || !event.data) return;
  const { wayfinderPing, wayfinderTheme, wayfinderShown, wayfinderKey } = event.data;
  if (typeof wayfinderKey === 'string' && keys.length < MAX_KEYS && !keys.includes(wayfinderKey)) {
    keys.push(wayfinderKey);
    if (keyArrived) keyArrived();
  }
  if (wayfinderShown === true) document.documentElement.style.visibility = '';
  if (wayfinderTheme !== undefined) {
    document.documentElement.dataset.theme = wayfinderTheme === 'light' || wayfinderTheme === 'dark' ? wayfinderTheme : '';
  }
  if (wayfinderPing === true) window.parent.postMessage({ wayfinderPong: true }, parentOrigin);
});

// Hide folds the panel into the page's pill: the content script removes this frame.
const collapse = () => parentOrigin && window.parent.postMessage({ wayfinderCollapse: true }, parentOrigin);

// Heights are reported from the first drawing of the plan (or of a problem) on: the frame is
// shown with its first height, so it opens once, at its size.
function reportHeights() {
  if (!parentOrigin) return;
  // The body's own height, not the document's scrollHeight: that never drops below the
  // iframe's current height, so a collapsed panel would keep covering the page.
  // Only a height that changed is sent: each message costs the portal page's main thread.
  let sentHeight = null;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === sentHeight) return;
    sentHeight = height;
    window.parent.postMessage({ wayfinderHeight: height }, parentOrigin);
  }).observe(document.body);
}

/**
 * The tab this frame was mounted in by our content script: each key received is presented to the
 * worker until one is accepted; null when the worker cannot be asked. Never settles in a frame
 * that no content script of ours mounted (the page framed this page itself): such a frame shows
 * nothing.
 * @returns {Promise<number | null>}
 */
async function ourTab() {
  for (let tried = 0; ; tried += 1) {
    while (tried >= keys.length) await new Promise((resolve) => (keyArrived = () => resolve(undefined)));
    let reply;
    try {
      reply = /** @type {import('./wire.js').TabReply | null} */ (await toWorker({ type: 'overlay-ready', key: keys[tried] }));
    } catch (error) {
      console.warn('SecOps Wayfinder: no answer from the service worker', error);
      return null;
    }
    if (reply && Number.isInteger(reply.tabId)) return reply.tabId;
  }
}

// Opened on its own, outside any portal page, it says so.
const [tabId] = await Promise.all([parentOrigin ? ourTab() : null, init()]);
try {
  mountOverlay(document.getElementById('root'), { ...settingsHooks, collapse });
  if (tabId !== null) {
    await followTab(tabId, { setPlan, setHealth, setSync });
  } else {
    setProblem(chrome.i18n.getMessage('overlayNoTab'));
  }
} finally {
  reportHeights();
}
