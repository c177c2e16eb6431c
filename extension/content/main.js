// SecOps Wayfinder content script: a thin, plain-JS shell (no wasm, no framework).
//
// WebAssembly is blocked in content scripts by the portal page's CSP, so this script reports the
// page's URL to the service worker, where the Rust core decides what to show, and draws what must
// be in the page: marks beside controls, the onboarding chip and the collapsed panel (the pill).
// The overlay iframe, with the wasm UI, exists only while the panel is open. Bundled into one
// classic script (content scripts cannot be modules) by `cargo xtask build`.
import { drawChip, redrawChip } from './chip.js';
import { placeDock } from './dock.js';
import { cornerOf } from './layout.js';
import { removeMarks } from './marks.js';
import { closePanel, focusPanel, followPanelTheme, onPanel, openPanel, panelOpen, setPanelKey, veilPanel } from './panel.js';
import { clearPass, onWorkerReply, redrawMarks, showSyncOf, startPass } from './pass.js';
import { drawPill, focusPill, onPill, pillWords, redrawPill, removePill } from './pill.js';
import { domReady, extensionAlive } from './schedule.js';
import { toWorker } from '../wire.js';
import { onThemeChange, stopTheme } from './theme.js';

// Blade iframes (reactblade hosts) get this script too: there it only anchors the plan's
// blade-frame marks (the frame's URL says nothing; the tab's plan comes from the worker).
const FRAME = window.top === window ? 'top' : 'blade';

let lastUrl = '';
let items = 0; // what the panel lists on this page (0: no panel, no pill)
/** @type {import('./layout.js').Corner} */
let corner = 'bottom-right';
/** @type {string | null} */
let closedOn = null; // the URL on which the page made us close the panel
let keepOpen = false; // the same page is planned again (a settings change): an open panel stays
let choseAt = -1; // when the user last opened or collapsed the panel (performance.now())
/** @type {string | null} */
let chipTenant = null; // the tenant whose onboarding view the chip shows
/** @type {{tenant: string, chip: import('./chip.js').Chip | null} | null} */
let chipNews = null; // the worker's last chip message, which may come before its plan's answer

/** Shows the panel open or as the pill, in the current corner. @param {boolean} open */
function showPanel(open) {
  if (items === 0) {
    closePanel();
    removePill();
  } else if (open && closedOn !== lastUrl) {
    removePill();
    openPanel(corner);
  } else {
    closePanel();
    drawPill(items);
  }
  placeDock({ corner, panelOpen: panelOpen() });
}

/** The user opened, collapsed or moved the panel: show it, and the worker remembers. @param {'open' | 'collapse' | 'move'} choice */
function choose(choice) {
  if (choice !== 'move') choseAt = performance.now();
  if (choice === 'open') closedOn = null;
  if (choice !== 'move') showPanel(choice === 'open');
  if (choice === 'open') focusPanel();
  if (choice === 'collapse') focusPill();
  toWorker(/** @type {const} */ ({ type: 'panel-choice', choice }))
    .then((/** @type {import('../wire.js').ChoiceReply | null} */ reply) => {
      if (choice !== 'move' || !reply || !reply.panel) return;
      corner = cornerOf(reply.panel.corner);
      showPanel(panelOpen());
    })
    .catch(() => {});
}

onPill({ open: () => choose('open'), move: () => choose('move') });
onPanel({ collapse: () => choose('collapse'), closedByPage: () => ((closedOn = lastUrl), showPanel(false)) });
// A report, reading or sync view the user has not seen opens the panel by itself, unless the
// user chose open or collapsed while the worker was deciding: the user's choice stands.
onWorkerReply((reply, askedAt) => {
  if (askedAt < choseAt) return;
  if (reply.panel && reply.panel.open && reply.panel.fresh > 0 && !panelOpen()) showPanel(true);
});
onThemeChange((paletteChanged) => {
  followPanelTheme();
  if (!paletteChanged) return;
  redrawMarks();
  redrawChip();
  redrawPill();
});

// The first page's message goes at document_start (manifest.json): a stopped service worker
// starts while the page loads, and its answer is drawn once the page is parsed.
// Route changes arrive by several paths (pushState, hash changes, back/forward) and are checked
// at once: the URL says whether anything changed, so the repeats cost a comparison. The previous
// page's marks go at once, and an open panel is veiled until the new plan arrives, so no stale
// advice shows on the new page.
const checkNow = () => void checkRoute();

async function checkRoute() {
  const url = location.href;
  if (url === lastUrl) return;
  const first = lastUrl === '';
  lastUrl = url;
  if (!first) {
    clearPass();
    veilPanel(true);
  }
  /** @type {import('../wire.js').PlanReply | null} */
  let reply;
  try {
    reply = await toWorker({ type: 'page-changed', url });
  } catch (error) {
    // The extension was reloaded or removed: this script is orphaned.
    if (!extensionAlive()) return teardown();
    console.warn('SecOps Wayfinder: no answer from the service worker', error);
    lastUrl = '';
    return;
  }
  await domReady();
  if (url !== lastUrl) return; // A newer route superseded this answer.
  const plan = reply && reply.plan;
  const planned = plan && Array.isArray(plan.items) ? plan.items.length : 0;
  const readers = (plan && plan.pageReaders) || null;
  // The incident pages' sync card is listed first in the panel.
  items = planned > 0 ? planned + (readers && readers.title ? 1 : 0) : 0;
  /** @type {Partial<import('../wire.js').PanelState>} */
  const panel = (reply && reply.panel) || {};
  corner = cornerOf(panel.corner);
  pillWords(reply && reply.words);
  if (reply && typeof reply.panelKey === 'string') setPanelKey(reply.panelKey);
  showPanel(panel.open === true || keepOpen);
  keepOpen = false;
  veilPanel(false);
  startPass({ anchors: plan && Array.isArray(plan.anchors) ? plan.anchors : [], readers, url, frame: FRAME });
  chipTenant = plan && plan.onboarding ? plan.onboarding.tenant : null;
  const news = chipNews && chipNews.tenant === chipTenant ? chipNews.chip : null;
  drawChip(chipTenant ? reply.chip || news : null);
}

function teardown() {
  stopTheme();
  closePanel();
  removePill();
  drawChip(null);
  clearPass();
  removeMarks();
  window.removeEventListener('hashchange', checkNow);
  window.removeEventListener('popstate', checkNow);
  if (window.navigation) window.navigation.removeEventListener('currententrychange', checkNow);
}

// Messages from our own worker and pages only (a page cannot send these: sender.tab is set for
// every content script, and only our extension's contexts have our id).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || sender.tab || !message) return;
  // The popup's "Save a report of this view": this document's structure, asked by the user (the
  // popup names the frame kind whose notices the page has). The walk is its own module, loaded
  // only then; `true` keeps the reply open for it.
  if (message.type === 'view-report' && message.frame === FRAME) {
    import(chrome.runtime.getURL('view-walk.js')).then((walk) => reply(walk.walkView()), () => reply(null));
    return true;
  }
  if (FRAME === 'blade') {
    if (message.type === 'plan-anchors' && Array.isArray(message.anchors)) startPass({ anchors: message.anchors, readers: null, url: '', frame: FRAME });
    return;
  }
  // The worker's news for this page: the tenant's chip changed, or the settings did. (While the
  // page is parsed no chip is shown: `chipTenant` is set with the first plan, once it is drawn.)
  if (message.type === 'chip' && typeof message.tenant === 'string') {
    chipNews = { tenant: message.tenant, chip: message.chip || null };
    return message.tenant === chipTenant ? drawChip(chipNews.chip) : undefined;
  }
  if (message.type === 'sync-view' && typeof message.url === 'string' && message.view) return showSyncOf(message.url, message.view);
  if (message.type === 'replan') {
    if (!extensionAlive()) return teardown();
    keepOpen = panelOpen();
    lastUrl = '';
    return checkNow();
  }
  if (items === 0) return;
  if (message.type === 'toggle-panel') choose(panelOpen() ? 'collapse' : 'open');
  if (message.type === 'open-panel' && !panelOpen()) choose('open');
});

if (FRAME === 'blade') {
  toWorker({ type: 'frame-ready' })
    .then((/** @type {import('../wire.js').AnchorsReply | null} */ reply) => reply && Array.isArray(reply.anchors) && startPass({ anchors: reply.anchors, readers: null, url: '', frame: FRAME }))
    .catch(() => {});
} else {
  window.addEventListener('hashchange', checkNow);
  window.addEventListener('popstate', checkNow);
  // The Navigation API also reports history.pushState from the page's own router, which no
  // other event does for an isolated-world script.
  // https://developer.mozilla.org/docs/Web/API/Navigation/currententrychange_event
  if (window.navigation) window.navigation.addEventListener('currententrychange', checkNow);
  checkNow();
}
