// SecOps Wayfinder service worker: a thin shell around the Rust core (wasm).
//
// Listeners are registered synchronously at start-up (MV3 service workers are stopped when
// idle and restarted by events). The wasm module is imported statically because module service
// workers cannot import() dynamically. State lives in chrome.storage, never in globals.
import init, { handle } from './wasm/wayfinder.js';

const ready = init().catch((error) => {
  console.error('SecOps Wayfinder: the core failed to load', error);
  throw error;
});

const planKey = (tabId) => `plan:${tabId}`;
const healthKey = (tabId) => `health:${tabId}`;
const syncKey = (tabId) => `sync:${tabId}`;

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
      return { plan: action.plan };
    }
    case 'store-sync':
      await chrome.storage.session.set({ [syncKey(action.tabId)]: action.view });
      return { view: action.view };
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
