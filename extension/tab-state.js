// Shared by the extension pages' shells: the page's language, the stored settings, a file
// download, and a tab's plan and probe results kept by the service worker in session storage,
// followed as they change.
import { healthKey as healthKeyOf, planKey as planKeyOf, POLICY, SETTINGS, syncKey as syncKeyOf } from './storage-keys.js';

/**
 * Sets the page's `lang` to the language its texts are in: the `_locales` file the browser
 * chose, so a browser in a language we have no messages for gets English text marked English.
 */
export function markPageLanguage() {
  document.documentElement.lang = chrome.i18n.getMessage('htmlLang');
}

/**
 * `load()` and `save(settings)` around the user's own settings in chrome.storage.sync, and
 * `managed()`, the administrator's policy as the service worker last copied it from
 * chrome.storage.managed (see `refreshPolicy` there), as the leptos pages take them.
 */
export const settingsHooks = {
  load: async () => (await chrome.storage.sync.get(SETTINGS))[SETTINGS] ?? null,
  save: (settings) => chrome.storage.sync.set({ [SETTINGS]: settings }),
  managed: async () => (await chrome.storage.local.get(POLICY))[POLICY] ?? null,
};

/** Calls `then()` when the worker's copy of the administrator's policy changes. */
export function onPolicyChange(then) {
  chrome.storage.local.onChanged.addListener((changes) => {
    if (POLICY in changes) then();
  });
}

/** Saves `text` as a file called `name` through the browser's download of a blob link. */
export function download(name, type, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Hands the tab's plan, probe results and (when `setSync` is given) sync view to the page now
 * and on every change.
 * @param {number | undefined} tabId
 * @param {{setPlan: (plan: unknown) => void, setHealth: (health: unknown) => void, setSync?: (sync: unknown) => void}} hooks
 */
export async function followTab(tabId, { setPlan, setHealth, setSync = () => {} }) {
  if (!Number.isInteger(tabId)) {
    setHealth(null);
    setSync(null);
    setPlan(null);
    return;
  }
  const planKey = planKeyOf(tabId);
  const healthKey = healthKeyOf(tabId);
  const syncKey = syncKeyOf(tabId);
  chrome.storage.session.onChanged.addListener((changes) => {
    if (planKey in changes) setPlan(changes[planKey].newValue);
    if (healthKey in changes) setHealth(changes[healthKey].newValue);
    if (syncKey in changes) setSync(changes[syncKey].newValue);
  });
  const stored = await chrome.storage.session.get([planKey, healthKey, syncKey]);
  setHealth(stored[healthKey]);
  setSync(stored[syncKey]);
  setPlan(stored[planKey]);
}
