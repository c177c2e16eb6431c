// Popup shell: the leptos popup with the core's catalog search (run here, in the page, so
// typing never waits for the service worker) and the active tab's stored plan.
import init, { mountPopup, search, setHealth, setPlan } from './wasm/wayfinder.js';

await init();
// "Open in a tab" pins the popup to the tab it was opened for (#tab=<id>), so a trainer or an
// analyst can keep search and the page check beside the portal.
const pinned = /^#tab=(\d+)$/.exec(location.hash);
const tab = pinned
  ? await chrome.tabs.get(Number(pinned[1])).catch(() => null)
  : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
mountPopup(document.getElementById('root'), {
  search: (query, context) => search(query, context),
  open: (url) => chrome.tabs.create({ url }),
  close: () => window.close(),
  load: async () => (await chrome.storage.sync.get('settings')).settings ?? null,
  save: (settings) => chrome.storage.sync.set({ settings }),
  popOut: tab && !pinned ? () => chrome.tabs.create({ url: chrome.runtime.getURL(`popup.html#tab=${tab.id}`) }) : undefined,
});
const key = tab ? `plan:${tab.id}` : null;
const healthKey = tab ? `health:${tab.id}` : null;
if (key) {
  chrome.storage.session.onChanged.addListener((changes) => {
    if (key in changes) setPlan(changes[key].newValue);
    if (healthKey in changes) setHealth(changes[healthKey].newValue);
  });
}
const stored = key ? await chrome.storage.session.get([key, healthKey]) : {};
setHealth(stored[healthKey]);
setPlan(key ? stored[key] : null);
