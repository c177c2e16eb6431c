// SecOps Wayfinder service worker: a thin shell around the Rust core (wasm).
//
// Listeners are registered synchronously at start-up (MV3 service workers are stopped when
// idle and restarted by events). The wasm module is imported statically because module service
// workers cannot import() dynamically. State lives in chrome.storage; globals hold only what a
// restart may lose (the settings in force and the tenants' views, read again when next needed).
import init, {
  absorbEvidence,
  armIncident,
  ArmReading,
  armRecord,
  attend,
  confirmSync,
  effectiveSettings,
  forgetTab,
  handle,
  incidentShown,
  markSeen,
  onboardingView,
  panelPrefs,
  readToken,
  signInCode,
  signInUrl,
  tokenFresh,
  tokenRequest,
} from './wasm/worker.js';
import {
  armKey,
  evidenceKey,
  healthKey,
  PANEL_PREFS as PANEL_PREFS_KEY,
  PANEL_SEEN as PANEL_SEEN_KEY,
  panelKeyKey,
  planKey,
  POLICY as POLICY_KEY,
  SETTINGS as SETTINGS_KEY,
  STORAGE_PROBLEM as STORAGE_PROBLEM_KEY,
  syncKey,
  tabOfPlanKey,
  TENANTS as TENANTS_KEY,
  tokenKey,
  viewKey,
} from './storage-keys.js';
import { followGovernmentPortals } from './government.js';
import { patchSourceOf, withPatches } from './probe-patches.js';

// What the worker trusts (the policy copy, the app registration, onboarding evidence, ARM facts,
// tenant views) lives in local and sync storage: content scripts, which a compromised portal
// renderer controls, may neither read nor write those areas; they get what they need by
// messages. Measured in Chromium 156: a content script's write is then refused ("Access to
// storage is not allowed from this context").
// https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-setAccessLevel
for (const area of [chrome.storage.local, chrome.storage.sync]) {
  area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error) => console.warn('SecOps Wayfinder: storage access level not set', error));
}

const ready = init().catch((error) => {
  console.error('SecOps Wayfinder: the core failed to load', error);
  throw error;
});

// The panel key of a tab, in session storage (trusted contexts only): the worker gives it to the
// tab's top-frame content script with each plan, that script hands it to the overlay frame it
// mounted, and the overlay presents it in `overlay-ready`. A copy of overlay.html that the portal
// page frames itself (it can read the frame's URL in the open shadow root) never learns the key,
// so it is never told its tab and shows nothing.
// The keys this worker issued or read, so a route change or an overlay load costs no storage
// read; a restarted worker reads each tab's once.
/** @type {Map<number, string>} */
const panelKeys = new Map();

/** The tab's panel key, if one was issued. @param {number} tabId @returns {Promise<string | null>} */
async function issuedPanelKey(tabId) {
  if (!panelKeys.has(tabId)) {
    const stored = (await chrome.storage.session.get(panelKeyKey(tabId)))[panelKeyKey(tabId)];
    // A key made while the read was under way is the one in force.
    if (typeof stored === 'string' && !panelKeys.has(tabId)) panelKeys.set(tabId, stored);
  }
  return panelKeys.get(tabId) ?? null;
}

/** The tab's panel key, made once per tab. @param {number} tabId */
async function panelKey(tabId) {
  const issued = await issuedPanelKey(tabId);
  if (issued) return issued;
  const made = crypto.randomUUID();
  panelKeys.set(tabId, made);
  await chrome.storage.session.set({ [panelKeyKey(tabId)]: made });
  return made;
}

// The toolbar badge mirrors the chip of the tab's tenant: ✓ connected, ! not connected, ? unknown.
const BADGES = { connected: ['✓', '#0e700e'], 'not-connected': ['!', '#bc4b09'], unknown: ['?', '#616161'] };

async function showBadge(tabId, view) {
  const state = view ? view.chip.state : null;
  const [text, colour] = view ? (Object.hasOwn(BADGES, state) ? BADGES[state] : BADGES.unknown) : ['', '#616161'];
  await chrome.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) await chrome.action.setBadgeBackgroundColor({ tabId, color: colour }).catch(() => {});
  if (view) await chrome.action.setTitle({ tabId, title: `SecOps Wayfinder: ${view.chip.label}` }).catch(() => {});
}

// The tenants' views as this worker last wrote or read them. A plan's answer carries its tenant's
// chip from here, so the page does not read storage for it: each extension call cost the page's
// main thread 0.3 to 1.7 ms (measured, issue 7). Only this worker writes views; a restarted worker
// reads each tenant's once.
const views = new Map();

async function storedView(tenant) {
  if (!views.has(tenant)) {
    const view = (await chrome.storage.local.get(viewKey(tenant)))[viewKey(tenant)] ?? null;
    // An assessment that finished during the read is newer.
    if (!views.has(tenant)) views.set(tenant, view);
  }
  return views.get(tenant);
}

// Re-assesses a tenant from what is stored and keeps the view for the chips, the badge and the popup.
// `settings` are the stored settings the message was decided with (they say whether sign-in is set up).
async function assessTenant(tenant, settings) {
  const stored = await chrome.storage.local.get([evidenceKey(tenant), armKey(tenant)]);
  const evidence = stored[evidenceKey(tenant)] ?? null;
  const arm = stored[armKey(tenant)] ?? null;
  const view = onboardingView(tenant, evidence, arm, settings ?? null);
  // Kept before it is stored: an answer sent after the pages hear of the change carries it too.
  views.set(tenant, view);
  // Only a tenant with evidence or an ARM record is stored: a tenant a page merely named costs
  // memory until the worker stops, never storage.
  if (evidence || arm) await keepTenant(tenant, { [viewKey(tenant)]: view });
  await tellTabs((plan) => plan.onboarding?.tenant === tenant, { type: 'chip', tenant, chip: view.chip });
  return view;
}

// The stored tenants, most recently assessed last, at most MAX_TENANTS: the oldest tenant's
// records go when another one comes.
// Every write to local storage goes through here. One that fails (the area is full: 10 MB,
// https://developer.chrome.com/docs/extensions/reference/api/storage#property-local) changes
// nothing already stored; it is logged and kept in session storage as the problem the popup's
// page check shows, until a later write succeeds. Returns whether the write was kept.
let storageProblem = true; // a stale problem from before a restart is cleared by the first write

async function keepLocal(items, what) {
  try {
    await chrome.storage.local.set(items);
    if (storageProblem) {
      storageProblem = false;
      chrome.storage.session.remove(STORAGE_PROBLEM_KEY).catch(() => {});
    }
    return true;
  } catch (error) {
    console.warn(`SecOps Wayfinder: ${what} could not be stored`, error);
    storageProblem = true;
    chrome.storage.session.set({ [STORAGE_PROBLEM_KEY]: { at: Date.now() } }).catch(() => {});
    return false;
  }
}

const MAX_TENANTS = 50;

async function keepTenant(tenant, records) {
  const known = (await chrome.storage.local.get(TENANTS_KEY))[TENANTS_KEY];
  const tenants = (Array.isArray(known) ? known : []).filter((t) => t !== tenant).concat(tenant);
  const evicted = tenants.splice(0, Math.max(0, tenants.length - MAX_TENANTS));
  for (const old of evicted) views.delete(old);
  if (evicted.length > 0) await chrome.storage.local.remove(evicted.flatMap((t) => [evidenceKey(t), armKey(t), viewKey(t)]));
  // Storage full: what was stored stays; this view lives in memory until the worker stops.
  await keepLocal({ ...records, [TENANTS_KEY]: tenants }, `the onboarding view of ${tenant}`);
}

// The portal tabs this worker planned (their plans are in session storage), told `message` when
// `wanted(plan)`: content scripts cannot read storage, so changes reach them this way.
async function tellTabs(wanted, message) {
  const stored = await chrome.storage.session.get(null);
  for (const [key, plan] of Object.entries(stored)) {
    const tabId = tabOfPlanKey(key);
    if (Number.isInteger(tabId) && plan && wanted(plan)) chrome.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => {});
  }
}

// The instant and the time zone: the core works out the local date for the retirement countdown
// from them and reads the times the portals display with them. (Not toLocaleDateString: its first
// call loads the locale data, measured at 14 ms of a woken worker's first answer.)
function clock() {
  const now = new Date();
  return { nowMs: now.getTime(), tzOffsetMinutes: now.getTimezoneOffset() };
}

// ARM reading: each request gets 10 s (docs/onboarding-arm.md), at most four run at once.
const DEADLINE_MS = 10_000;
const PARALLEL = 4;

const base64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A core step's `{ok}` value; its `{error}` is thrown as the message to show. */
function unwrap(step) {
  if (!step || step.error) throw new Error(step ? step.error : 'The core gave no answer.');
  return step.ok;
}

// Authorization code with PKCE through the browser's own sign-in window; the core builds and
// checks every URL and answer, this only makes the random values and the SHA-256.
async function signIn(app) {
  if (!chrome.identity) throw new Error('Sign-in needs the "identity" permission; press the button again and allow it.');
  const redirect = chrome.identity.getRedirectURL();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(24)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = unwrap(signInUrl(app, redirect, { state, challenge }));
  let finalUrl;
  try {
    finalUrl = await chrome.identity.launchWebAuthFlow({ url, interactive: true });
  } catch (error) {
    throw new Error(`Sign-in did not finish (${error.message}).`, { cause: error });
  }
  const code = unwrap(signInCode(finalUrl ?? '', redirect, state));
  const post = unwrap(tokenRequest(app, code, redirect, verifier));
  let answer;
  try {
    answer = await fetch(post.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: post.body,
      credentials: 'omit',
      // A redirect would carry the code and verifier elsewhere: none is followed.
      redirect: 'error',
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
  } catch (error) {
    throw new Error(`Sign-in could not reach Microsoft Entra (${error.name}).`, { cause: error });
  }
  return unwrap(readToken(answer.status, await answer.json().catch(() => null), Date.now()));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// One ARM request as the core asked for it; never throws (a network failure is status 0).
async function fetchArm(request, token) {
  if (request.delaySecs > 0) await sleep(request.delaySecs * 1000);
  try {
    const response = await fetch(request.url, {
      headers: { Authorization: `Bearer ${token.accessToken}` },
      credentials: 'omit',
      // A redirect would carry the bearer token to another URL: none is followed.
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    const body = response.ok ? await response.json().catch(() => null) : null;
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), body, timedOut: false };
  } catch (error) {
    return { status: 0, retryAfter: null, body: null, timedOut: error?.name === 'TimeoutError' };
  }
}

// Runs the core's collection to its end: it says what to fetch next, the answers go back to it.
async function readArm(token, previous) {
  const reading = new ArmReading();
  try {
    const running = new Set();
    for (;;) {
      for (let request; running.size < PARALLEL && (request = reading.next()); ) {
        const task = fetchArm(request, token).then((a) => {
          reading.absorb(request.id, a.status, a.retryAfter ?? undefined, a.body, a.timedOut, Date.now());
          running.delete(task);
        });
        running.add(task);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
    return reading.settle(previous, Date.now());
  } finally {
    reading.free();
  }
}

const readingTenants = new Set();

// Sign in when the session has no fresh token, read ARM, keep the record and re-assess.
async function readTenant(tenant, app, settings) {
  if (readingTenants.has(tenant)) return null;
  readingTenants.add(tenant);
  try {
    const previous = (await chrome.storage.local.get(armKey(tenant)))[armKey(tenant)] ?? null;
    await keepLocal({ [armKey(tenant)]: armRecord(previous, undefined) }, 'the Azure reading');
    await assessTenant(tenant, settings);
    let record;
    try {
      let token = await freshToken(tenant, app.clientId);
      if (!token) {
        token = await signIn(app);
        await chrome.storage.session.set({ [tokenKey(tenant, app.clientId)]: token });
      }
      record = await readArm(token, previous);
    } catch (error) {
      record = armRecord(previous, error.message);
    }
    await keepLocal({ [armKey(tenant)]: record }, 'the Azure reading');
    return await assessTenant(tenant, settings);
  } finally {
    readingTenants.delete(tenant);
  }
}

// Sync confirmed by Azure Resource Manager (crates/core/src/sync/confirm.rs): an incident page's
// view is the page's answer at once; with a token the user already has (never a new sign-in),
// the incident is read from ARM (the core keeps the answer for a minute), and the tabs showing it
// get the view with ARM's answer. A throttled read is tried again when ARM says.
async function freshToken(tenant, clientId) {
  const key = tokenKey(tenant, clientId);
  const token = (await chrome.storage.session.get(key))[key] ?? null;
  return tokenFresh(token, Date.now()) ? token : null;
}

// The view to answer a page's readings with, and a read started when the core asks for one.
async function withArm(action) {
  const read = action.arm;
  const token = read ? await freshToken(read.tenant, read.clientId) : null;
  if (!token) return action.view;
  const { nowMs, tzOffsetMinutes } = clock();
  const shown = confirmSync(action.tabId, nowMs, tzOffsetMinutes);
  if (!shown) return action.view;
  if (shown.read) readIncident(read, token).catch((error) => console.error('SecOps Wayfinder: ARM incident read', error));
  return shown.view;
}

const readingIncidents = new Set();

async function readIncident(read, token) {
  if (readingIncidents.has(read.resource)) return;
  readingIncidents.add(read.resource);
  let answered;
  try {
    const answer = await fetchArm({ url: read.url, delaySecs: 0 }, token);
    const { nowMs, tzOffsetMinutes } = clock();
    answered = armIncident(read.resource, answer.status, answer.retryAfter ?? undefined, answer.body, answer.timedOut, nowMs, tzOffsetMinutes);
  } finally {
    readingIncidents.delete(read.resource);
  }
  for (const { tabId, url, view } of answered.tabs) {
    chrome.storage.session.set({ [syncKey(tabId)]: view });
    chrome.tabs.sendMessage(tabId, { type: 'sync-view', url, view }, { frameId: 0 }).catch(() => {});
  }
  // ARM asked to wait: read again then, if a tab still shows the incident.
  if (answered.retryAfterSecs !== null && answered.retryAfterSecs !== undefined) {
    setTimeout(async () => {
      const again = await freshToken(read.tenant, read.clientId);
      if (again && incidentShown(read.resource)) await readIncident(read, again);
    }, answered.retryAfterSecs * 1000);
  }
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

// The settings in force: the user's own under the administrator's policy (docs/enterprise.md).
//
// The policy is read from the copy in local storage, never from chrome.storage.managed while a
// plan waits: the first managed read of a browser session answers only once the browser has
// loaded its policy, measured at about 3 s on Chromium 156 (later reads: under 1 ms), which held
// up the first page's overlay as long. The copy is refreshed when the worker starts and when the
// browser reports a policy change; a refreshed copy that differs re-plans the portal pages and
// re-renders the extension pages, which follow `policy` in local storage.

// The policy as this worker last read it from managed storage: it wins over the copy, so a copy
// that cannot be written (storage full) never keeps an old policy in force.
let managedNow = null;

async function refreshPolicy() {
  const managed = await chrome.storage.managed.get(null).catch(() => ({}));
  const copy = (await chrome.storage.local.get(POLICY_KEY))[POLICY_KEY] ?? {};
  managedNow = managed;
  if (JSON.stringify(managed) === JSON.stringify(copy)) return;
  settingsInForce = null;
  settingsEpoch += 1;
  if (!(await keepLocal({ [POLICY_KEY]: managed }, 'the copy of the policy (it applies from memory)'))) {
    tellTabs(() => true, { type: 'replan' }).catch(() => {});
  }
}
refreshPolicy();

// Every message is decided with the settings in force, so they are read once and kept until
// either source changes: two storage reads per message took 5 to 15 ms of each route change's
// answer (measured, issue 7). A worker that restarts starts with no copy; a change that lands
// while a read is under way discards that read's result (`settingsEpoch`).
/** @type {{ inForce: any, patchSource: ReturnType<typeof patchSourceOf> } | null} */
let settingsInForce = null;
let settingsEpoch = 0;
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') refreshPolicy();
  if ((area === 'sync' && changes.settings) || (area === 'local' && changes[POLICY_KEY])) {
    settingsInForce = null;
    settingsEpoch += 1;
    // A settings change (dismiss, trainer mode, options) or a policy change re-plans every page.
    tellTabs(() => true, { type: 'replan' }).catch(() => {});
  }
});

async function currentSettings() {
  return (await readSettings()).inForce;
}

// The settings in force and, read with them, what the plans' probe patches come from
// (probe-patches.js): one read, so a plan never pairs new settings with old patches.
async function readSettings() {
  if (settingsInForce) return settingsInForce;
  const epoch = settingsEpoch;
  const [{ settings }, { [POLICY_KEY]: policy }] = await Promise.all([
    chrome.storage.sync.get(SETTINGS_KEY),
    chrome.storage.local.get(POLICY_KEY),
  ]);
  const policyInForce = managedNow ?? policy ?? null;
  const read = {
    inForce: effectiveSettings(settings ?? null, policyInForce),
    patchSource: patchSourceOf(settings, policyInForce),
  };
  if (epoch === settingsEpoch) settingsInForce = read;
  return read;
}

// The panel's attention (crates/core/src/attention.rs): the user's choices (open or collapsed, the
// corner) and what they have seen, in local storage, kept here between messages like the views.
// The news each tab showed is kept too, so a panel the user opens marks it seen.
let panelState = null;
const tabNews = new Map();

async function storedPanel() {
  if (!panelState) {
    const stored = await chrome.storage.local.get([PANEL_PREFS_KEY, PANEL_SEEN_KEY]);
    panelState ??= { prefs: stored[PANEL_PREFS_KEY] ?? null, seen: stored[PANEL_SEEN_KEY] ?? null };
  }
  return panelState;
}

// A worker woken by a page's message starts the read every answer needs, the settings in force,
// while its wasm core loads, instead of after it. (The panel's state is read at the first message:
// it is this worker's to keep from then on.)
currentSettings().catch(() => {});

// Keeps the seen record; a failed write (storage full) costs only the memory of what was seen.
function keepSeen(seen) {
  panelState.seen = seen;
  keepLocal({ [PANEL_SEEN_KEY]: seen }, 'what the panel showed');
}

// Whether the tab's panel is open after a message's news.
/** @returns {Promise<import('./wire.js').PanelState>} */
async function attendTo(tabId, news, settings, { fresh = false } = {}) {
  const panel = await storedPanel();
  tabNews.set(tabId, fresh ? news : (tabNews.get(tabId) ?? []).concat(news).slice(-64));
  const decision = attend(settings, panel.prefs, panel.seen, news);
  if (decision.warning) console.warn(`SecOps Wayfinder: ${decision.warning}`);
  if (decision.seen) keepSeen(decision.seen);
  return { open: decision.open, fresh: decision.fresh, corner: panel.prefs?.corner ?? 'bottom-right' };
}

async function choosePanel(tabId, choice) {
  const panel = await storedPanel();
  panel.prefs = panelPrefs(panel.prefs, choice);
  await keepLocal({ [PANEL_PREFS_KEY]: panel.prefs }, 'the panel choice');
  if (choice === 'open') {
    const seen = markSeen(panel.seen, tabNews.get(tabId) ?? []);
    if (seen) keepSeen(seen);
  }
  /** @type {import('./wire.js').ChoiceReply} */
  const reply = { panel: { corner: panel.prefs.corner } };
  return reply;
}

// The keyboard command toggles the panel of the tab it was pressed in (its top frame).
chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== 'toggle-panel' || !Number.isInteger(tab?.id)) return;
  chrome.tabs.sendMessage(tab.id, { type: 'toggle-panel' }, { frameId: 0 }).catch(() => {});
});

// The pill's words in the browser's language, sent with every plan: a content script's first
// chrome.i18n call fetches the whole message bundle with a synchronous IPC, which measured 2 to
// 5 ms of the page's main thread per load. `{count}` stands for the number of items.
let words = null;
const pillWords = () =>
  (words ??= {
    open: chrome.i18n.getMessage('pillOpen', ['{count}']),
    name: chrome.i18n.getMessage('pillName'),
    move: chrome.i18n.getMessage('pillMove'),
    group: chrome.i18n.getMessage('extName'),
  });

// Whether each tab's last plan had anchors for its blade frames. Only then can a frame hold marks
// that a new plan must take away: a frame gets anchors from a plan message or, when it loads,
// from the stored plan. A tab this worker has not planned since it started is looked up in its
// stored plan.
const bladeTabs = new Map(); // tabId → boolean

const hasBladeAnchors = (plan) => Boolean(plan && Array.isArray(plan.anchors) && plan.anchors.some((a) => a.frame === 'blade'));

/**
 * Whether the tab's previous plan had blade anchors; records the new plan's. Called before the
 * new plan is stored (one context's storage calls run in order, so the read sees the old one).
 */
function bladeAnchorsBefore(tabId, plan) {
  const known = bladeTabs.get(tabId);
  bladeTabs.set(tabId, hasBladeAnchors(plan));
  if (known !== undefined) return Promise.resolve(known);
  const key = planKey(tabId);
  return chrome.storage.session.get(key).then((stored) => hasBladeAnchors(stored[key]), () => true);
}

// What a new plan changes besides the panel: the blade frames' anchors and the toolbar badge.
async function afterPlan(action, tenant, view, settings, bladeBefore) {
  // Blade frames of the tab anchor their part of the plan; frames that load later ask. Each
  // message costs every frame of the tab (the top one too) some main-thread time, so it goes
  // only when the new plan or the previous one has blade anchors.
  if (hasBladeAnchors(action.plan) || (await bladeBefore)) {
    chrome.tabs.sendMessage(action.tabId, { type: 'plan-anchors', anchors: action.plan.anchors }).catch(() => {});
  }
  // A tenant with no view yet is assessed once; the pages' chips follow the stored result.
  await showBadge(action.tabId, tenant ? view ?? (await assessTenant(tenant, settings)) : null);
}

async function respond(message, sender) {
  await ready;
  const { inForce: settings, patchSource } = await readSettings();
  const action = handle(message, describeSender(sender), settings, clock());
  switch (action && action.action) {
    case 'store-plan': {
      action.plan = await withPatches(action.plan, patchSource);
      const tenant = action.plan.onboarding ? action.plan.onboarding.tenant : null;
      // The answer goes first: the content script mounts the panel on it, and an open panel
      // follows the stored plan, so neither waits for the badge (issue 7: route change → overlay
      // within two frames). Both writes are issued before the answer, so a sync view stored for
      // the new page later is never removed by them (one context's storage calls run in order).
      const bladeBefore = bladeAnchorsBefore(action.tabId, action.plan);
      chrome.storage.session.set({ [planKey(action.tabId)]: action.plan });
      chrome.storage.session.remove([healthKey(action.tabId), syncKey(action.tabId)]);
      // Both decided before the badge work starts: a first view stored by it must reach the page
      // after this answer, which tells the page whose chip to follow. Read side by side: after a
      // restart each is a storage read.
      const [view, panel, key] = await Promise.all([
        tenant ? storedView(tenant) : null,
        attendTo(action.tabId, action.news, settings, { fresh: true }),
        panelKey(action.tabId),
      ]);
      afterPlan(action, tenant, view, settings, bladeBefore).catch((error) => console.error('SecOps Wayfinder: after the plan', error));
      /** @type {import('./wire.js').PlanReply} */
      const reply = { plan: action.plan, chip: view ? view.chip : null, panel, words: pillWords(), panelKey: key };
      return reply;
    }
    case 'store-sync': {
      const view = await withArm(action);
      await chrome.storage.session.set({ [syncKey(action.tabId)]: view });
      /** @type {import('./wire.js').FactsReply} */
      const reply = { view, panel: await attendTo(action.tabId, action.news, settings) };
      return reply;
    }
    case 'store-panel-choice':
      return choosePanel(action.tabId, action.choice);
    case 'store-evidence': {
      const key = evidenceKey(action.tenant);
      const update = absorbEvidence((await chrome.storage.local.get(key))[key] ?? null, action.facts, Date.now());
      if (update.changed && (await keepLocal({ [key]: update.evidence }, 'what the page showed of the onboarding'))) {
        await showBadge(action.tabId, await assessTenant(action.tenant, settings));
      }
      /** @type {import('./wire.js').FactsReply} */
      const reply = { view: null };
      return reply;
    }
    case 'read-arm':
      return { view: await readTenant(action.tenant, action.app, settings) };
    case 'sign-out': {
      const prefix = tokenKey(action.tenant, '');
      const tokens = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith(prefix));
      await chrome.storage.session.remove(tokens);
      await chrome.storage.local.remove(armKey(action.tenant));
      return { view: await assessTenant(action.tenant, settings) };
    }
    case 'reply-tab': {
      const issued = await issuedPanelKey(action.tabId);
      /** @type {import('./wire.js').TabReply} */
      const reply = { tabId: action.tabId };
      if (issued !== null && issued === action.key) return reply;
      console.warn('SecOps Wayfinder: an overlay frame without its tab\'s panel key was refused');
      return null;
    }
    case 'reply-anchors': {
      const plan = /** @type {import('./wire.js').OverlayPlan | undefined} */ ((await chrome.storage.session.get(planKey(action.tabId)))[planKey(action.tabId)]);
      /** @type {import('./wire.js').AnchorsReply} */
      const reply = { anchors: plan ? plan.anchors : [] };
      return reply;
    }
    case 'store-health': {
      const key = healthKey(action.tabId);
      const health = (await chrome.storage.session.get(key))[key] ?? {};
      health[action.frame] = action.report;
      await chrome.storage.session.set({ [key]: health });
      /** @type {import('./wire.js').ReportReply} */
      const reply = { stored: true, panel: await attendTo(action.tabId, action.news, settings) };
      return reply;
    }
    default:
      console.warn('SecOps Wayfinder refused a message:', action ? action.reason : 'no action');
      return null;
  }
}

// A tab's readings are bounded in rate as well as size: the content script sends them at most
// four times a second, so more than this comes from a renderer that is not ours, and each would
// cost a decision and a storage write.
const FACTS_PER_SECOND = 8;
const factsRate = new Map(); // tabId → {second, count}

function tooManyFacts(message, sender) {
  if (!message || message.type !== 'page-facts' || !Number.isInteger(sender.tab?.id)) return false;
  const second = Math.floor(Date.now() / 1000);
  const rate = factsRate.get(sender.tab.id);
  if (!rate || rate.second !== second) {
    factsRate.set(sender.tab.id, { second, count: 1 });
    return false;
  }
  rate.count += 1;
  return rate.count > FACTS_PER_SECOND;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (tooManyFacts(message, sender)) {
    sendResponse(null);
    return false;
  }
  respond(message, sender).then(sendResponse, (error) => {
    console.error('SecOps Wayfinder: message failed', error);
    sendResponse(null);
  });
  return true; // The answer is sent asynchronously.
});

// The content script on the US Government portals, while the user allows them.
followGovernmentPortals();

chrome.tabs.onRemoved.addListener((tabId) => {
  tabNews.delete(tabId);
  bladeTabs.delete(tabId);
  factsRate.delete(tabId);
  panelKeys.delete(tabId);
  forgetTab(tabId);
  chrome.storage.session.remove([planKey(tabId), healthKey(tabId), syncKey(tabId), panelKeyKey(tabId)]);
});
