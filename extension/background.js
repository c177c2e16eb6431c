// SecOps Wayfinder service worker: a thin shell around the Rust core (wasm).
//
// Listeners are registered synchronously at start-up (MV3 service workers are stopped when
// idle and restarted by events). The wasm module is imported statically because module service
// workers cannot import() dynamically. State lives in chrome.storage, never in globals.
import init, { absorbEvidence, handle, onboardingView } from './wasm/wayfinder.js';

const ready = init().catch((error) => {
  console.error('SecOps Wayfinder: the core failed to load', error);
  throw error;
});

const planKey = (tabId) => `plan:${tabId}`;
const healthKey = (tabId) => `health:${tabId}`;
const syncKey = (tabId) => `sync:${tabId}`;
// Onboarding status, per tenant key ("home" or the pages' tid), in local storage: what the Defender
// pages showed lasts across sessions, and every portal page's chip reads the view.
const evidenceKey = (tenant) => `onboarding:evidence:${tenant}`;
const viewKey = (tenant) => `onboarding:view:${tenant}`;

// The toolbar badge mirrors the chip of the tab's tenant: ✓ connected, ! not connected, ? unknown.
const BADGES = { connected: ['✓', '#0e700e'], 'not-connected': ['!', '#bc4b09'], unknown: ['?', '#616161'] };

async function showBadge(tabId, view) {
  const [text, colour] = view ? BADGES[view.chip.state] || BADGES.unknown : ['', '#616161'];
  await chrome.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) await chrome.action.setBadgeBackgroundColor({ tabId, color: colour }).catch(() => {});
  if (view) await chrome.action.setTitle({ tabId, title: `SecOps Wayfinder: ${view.chip.label}` }).catch(() => {});
}

// Re-assesses a tenant from what is stored and keeps the view for the chips, the badge and the popup.
async function assessTenant(tenant) {
  const stored = await chrome.storage.local.get(evidenceKey(tenant));
  const view = onboardingView(tenant, stored[evidenceKey(tenant)] ?? null);
  await chrome.storage.local.set({ [viewKey(tenant)]: view });
  return view;
}

// The local date (YYYY-MM-DD) for the retirement countdown; the instant and the time zone for
// reading the times the portals display.
function clock() {
  const now = new Date();
  return { today: now.toLocaleDateString('en-CA'), nowMs: now.getTime(), tzOffsetMinutes: now.getTimezoneOffset() };
}

function describeSender(sender) {
  return {
    sameExtension: sender.id === chrome.runtime.id,
    url: sender.url ?? null,
    tabId: sender.tab?.id ?? null,
    frameId: sender.frameId ?? null,
    extensionOrigin: self.location.origin,
  };
}

async function respond(message, sender) {
  await ready;
  const { settings } = await chrome.storage.sync.get('settings');
  const action = handle(message, describeSender(sender), settings ?? null, clock());
  switch (action && action.action) {
    case 'store-plan': {
      await chrome.storage.session.set({ [planKey(action.tabId)]: action.plan });
      await chrome.storage.session.remove([healthKey(action.tabId), syncKey(action.tabId)]);
      // Blade frames of the tab anchor their part of the plan; frames that load later ask.
      chrome.tabs.sendMessage(action.tabId, { type: 'plan-anchors', anchors: action.plan.anchors }).catch(() => {});
      const tenant = action.plan.onboarding ? action.plan.onboarding.tenant : null;
      // One read per route change: the stored view, assessed once when the tenant has none yet.
      const view = tenant ? (await chrome.storage.local.get(viewKey(tenant)))[viewKey(tenant)] ?? (await assessTenant(tenant)) : null;
      await showBadge(action.tabId, view);
      return { plan: action.plan };
    }
    case 'store-sync':
      await chrome.storage.session.set({ [syncKey(action.tabId)]: action.view });
      return { view: action.view };
    case 'store-evidence': {
      const key = evidenceKey(action.tenant);
      const update = absorbEvidence((await chrome.storage.local.get(key))[key] ?? null, action.facts, Date.now());
      if (update.changed) {
        await chrome.storage.local.set({ [key]: update.evidence });
        await showBadge(action.tabId, await assessTenant(action.tenant));
      }
      return { view: null };
    }
    case 'reply-tab':
      return { tabId: action.tabId };
    case 'reply-anchors': {
      const plan = (await chrome.storage.session.get(planKey(action.tabId)))[planKey(action.tabId)];
      return { anchors: plan ? plan.anchors : [] };
    }
    case 'store-health': {
      const key = healthKey(action.tabId);
      const health = (await chrome.storage.session.get(key))[key] ?? {};
      health[action.frame] = action.report;
      await chrome.storage.session.set({ [key]: health });
      return { stored: true };
    }
    default:
      console.warn('SecOps Wayfinder refused a message:', action ? action.reason : 'no action');
      return null;
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  respond(message, sender).then(sendResponse, (error) => {
    console.error('SecOps Wayfinder: message failed', error);
    sendResponse(null);
  });
  return true; // The answer is sent asynchronously.
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove([planKey(tabId), healthKey(tabId), syncKey(tabId)]);
});
