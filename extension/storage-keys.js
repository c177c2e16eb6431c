// Every chrome.storage key the extension uses, in one table: the worker, the popup, the options
// page and the overlay read the same records, so a key is written once, here. Which context may
// read each area, and what each record holds: docs/threat-model.md ("What it stores, and where").
// Content scripts use no key: they get what they show in the worker's replies.

/** `storage.sync`: the user's settings (`crates/core/src/settings.rs`). */
export const SETTINGS = 'settings';

/** `storage.local`: the worker's copy of the administrator's policy (trusted contexts only). */
export const POLICY = 'policy';
/** `storage.local`: the panel's open or collapsed choice and corner. */
export const PANEL_PREFS = 'panel:prefs';
/** `storage.local`: what the user has seen in the panel (bounded by the core). */
export const PANEL_SEEN = 'panel:seen';
/** `storage.local`: the tenants with onboarding records, oldest first. */
export const TENANTS = 'onboarding:tenants';
// Onboarding status, per tenant key ("home" or the pages' tid), in local storage: what the
// Defender pages showed and what Azure Resource Manager told (with its status) last across
// sessions, and every portal page's chip reads the view built from them.
/** `storage.local`: what the Defender pages showed about a tenant's onboarding. @param {string} tenant */
export const evidenceKey = (tenant) => `onboarding:evidence:${tenant}`;
/** `storage.local`: what Azure Resource Manager told about a tenant. @param {string} tenant */
export const armKey = (tenant) => `onboarding:arm:${tenant}`;
/** `storage.local`: a tenant's onboarding view, built from the two above. @param {string} tenant */
export const viewKey = (tenant) => `onboarding:view:${tenant}`;

/** `storage.session`: a tab's overlay plan. @param {number} tabId */
export const planKey = (tabId) => `plan:${tabId}`;
/** `storage.session`: what a tab's probes found. @param {number} tabId */
export const healthKey = (tabId) => `health:${tabId}`;
/** `storage.session`: a tab's incident sync view. @param {number} tabId */
export const syncKey = (tabId) => `sync:${tabId}`;
/** `storage.session`: the key a tab's overlay presents to learn its tab. @param {number} tabId */
export const panelKeyKey = (tabId) => `panel-key:${tabId}`;
/**
 * `storage.session`: an ARM access token. Session storage only, which content scripts cannot read
 * and the browser clears when it closes; keyed by the app registration too, so a token of one
 * client id is never used for another.
 * @param {string} tenant @param {string} clientId
 */
export const tokenKey = (tenant, clientId) => `onboarding:token:${tenant}:${clientId}`;
/** `storage.session`: the last failed write to local storage (the storage is full). */
export const STORAGE_PROBLEM = 'storage:problem';

/** The tab a session key such as `plan:12` belongs to, or NaN. @param {string} key */
export const tabOfPlanKey = (key) => (key.startsWith('plan:') ? Number(key.slice('plan:'.length)) : NaN);
