// Popup shell: the leptos popup (with the core's catalog search, run in this page's wasm so
// typing never waits for the service worker), the active tab's stored plan, and the onboarding
// status of the tab's tenant.
import init, { effectiveSettings, mountPopup, onboardingView, setHealth, setPlan, setStorageProblem, setTenantView } from './wasm/pages.js';
import { armKey, evidenceKey, planKey as planKeyOf, SETTINGS, STORAGE_PROBLEM } from './storage-keys.js';
import { toWorker } from './wire.js';
import { download, followTab, markPageLanguage, onPolicyChange, settingsHooks } from './tab-state.js';

markPageLanguage();

await init();
// "Open in a tab" pins the popup to the tab it was opened for (#tab=<id>), so a trainer or an
// analyst can keep search and the page check beside the portal.
const pinned = /^#tab=(\d+)$/.exec(location.hash);
const tab = pinned
  ? await chrome.tabs.get(Number(pinned[1])).catch(() => null)
  : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
const planKey = tab ? planKeyOf(tab.id) : null;
const plan = /** @type {import('./wire.js').OverlayPlan | null | undefined} */ (planKey ? (await chrome.storage.session.get(planKey))[planKey] : null);
// The tab's tenant key (the core's plan names it); the user's own tenant otherwise.
const tenant = plan?.onboarding?.tenant ?? 'home';
const inputs = [evidenceKey(tenant), armKey(tenant)];
// Read once: a changed policy reloads the popup (below).
const policy = await settingsHooks.managed();

// The view is computed here from what is stored (the same core function as the worker's), so
// the popup shows the checklist even for a tenant no portal tab has reported yet.
async function showTenant() {
  const stored = await chrome.storage.local.get(inputs);
  const settings = effectiveSettings(await settingsHooks.load(), policy);
  setTenantView(onboardingView(tenant, stored[inputs[0]] ?? null, stored[inputs[1]] ?? null, settings));
}

mountPopup(document.getElementById('root'), {
  open: (url) => chrome.tabs.create({ url }),
  close: () => window.close(),
  ...settingsHooks,
  policy,
  popOut: tab && !pinned ? () => chrome.tabs.create({ url: chrome.runtime.getURL(`popup.html#tab=${tab.id}`) }) : undefined,
  // The tab's content script opens its panel (the pill otherwise); only for a page with items.
  openPanel: tab && plan?.items?.length > 0
    ? async () => {
        await chrome.tabs.sendMessage(tab.id, { type: 'open-panel' }, { frameId: 0 }).catch(() => {});
        if (!pinned) window.close();
      }
    : undefined,
  // "Save a report of this view": the tab's content script walks the document the page's notices
  // are in (`frame`: the top document, frame 0, or the blade frame, whose content script is the
  // one that answers); the popup's core keeps only what a report may hold, and shows it before
  // anything is written.
  readView: tab
    ? async (/** @type {'top' | 'blade'} */ frame) => {
        const message = { type: 'view-report', frame };
        const view = await (frame === 'top' ? chrome.tabs.sendMessage(tab.id, message, { frameId: 0 }) : chrome.tabs.sendMessage(tab.id, message)).catch(() => null);
        return view ? { ...view, version: chrome.runtime.getManifest().version } : null;
      }
    : undefined,
  // Sign-in asks for the optional "identity" permission first, inside the click that started it.
  onboarding: async (op) => {
    if (op === 'read' && !(await chrome.permissions.request({ permissions: ['identity'] }))) {
      return chrome.i18n.getMessage('signInNeedsPermission');
    }
    const answer = await toWorker({ type: 'onboarding', op, tenant });
    return answer ? null : chrome.i18n.getMessage('onboardingRefused');
  },
  download,
});
chrome.storage.local.onChanged.addListener((changes) => {
  if (inputs.some((key) => key in changes)) showTenant();
});
chrome.storage.sync.onChanged.addListener((changes) => {
  if (SETTINGS in changes) showTenant();
});
// The worker keeps a failed write to local storage (storage full) as `storage:problem`.
setStorageProblem(STORAGE_PROBLEM in (await chrome.storage.session.get(STORAGE_PROBLEM)));
chrome.storage.session.onChanged.addListener((changes) => {
  if (STORAGE_PROBLEM in changes) setStorageProblem(changes[STORAGE_PROBLEM].newValue !== undefined);
});
// A new policy can lock trainer mode or bring an app registration: the popup starts afresh.
onPolicyChange(() => location.reload());
await showTenant();
await followTab(tab?.id, { setPlan, setHealth });
