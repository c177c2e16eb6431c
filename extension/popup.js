// Popup shell: the leptos popup with the core's catalog search (run here, in the page, so
// typing never waits for the service worker) and the active tab's stored plan.
import init, { mountPopup, search, setHealth, setPlan } from './wasm/wayfinder.js';
import { followTab, settingsHooks } from './tab-state.js';

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
  ...settingsHooks,
  popOut: tab && !pinned ? () => chrome.tabs.create({ url: chrome.runtime.getURL(`popup.html#tab=${tab.id}`) }) : undefined,
});
await followTab(tab?.id, { setPlan, setHealth });
