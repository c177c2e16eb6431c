// Overlay iframe shell: loads the leptos UI, finds which tab it is in, shows that tab's plan
// from session storage and follows its changes, and reports its height to the content script.
import init, { mountOverlay, setHealth, setPlan, setProblem, setSync } from './wasm/overlay.js';
import { followTab, markPageLanguage, settingsHooks } from './tab-state.js';

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
window.addEventListener('message', (event) => {
  if (!parentOrigin || event.source !== window.parent || !event.data) return;
  const { wayfinderPing, wayfinderTheme, wayfinderShown } = event.data;
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

try {
  await init();
  mountOverlay(document.getElementById('root'), { ...settingsHooks, collapse });
  const reply = await chrome.runtime.sendMessage({ type: 'overlay-ready' });
  if (reply && Number.isInteger(reply.tabId)) {
    await followTab(reply.tabId, { setPlan, setHealth, setSync });
  } else {
    setProblem(chrome.i18n.getMessage('overlayNoTab'));
  }
} finally {
  reportHeights();
}
