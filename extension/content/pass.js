// The page pass: places the plan's marks and reads what the plan's readers ask for, once per
// animation frame at most, again when the page mutates, so marks follow the portal's re-renders.
// It reads text and attributes only; every write is a mark of ours.
import { changedCandidates, changedPlaces, noChanges, noteRecords } from './changes.js';
import { findTarget, findVersion, foundBy, moreThanOne, newPass, resetProbes } from './probes.js';
import { keepOnly, marks, place } from './marks.js';
import { readRows, readValue } from './readers.js';
import { atMostEvery, promptly } from './schedule.js';
import { toWorker } from '../wire.js';

/** How long a probe may look before its anchor counts as not found. */
const GRACE_MS = 2000;

/** @typedef {import('./marks.js').Anchor} Anchor */
/**
 * @typedef {import('../../crates/core/bindings/PageReaders').PageReaders} Readers
 * @typedef {import('../../crates/core/bindings/SyncView').SyncView} SyncView
 */

/** @type {Anchor[]} */
let anchors = [];
/** @type {Readers | null} */
let readers = null;
/** @type {SyncView | null} */
let syncView = null;
let anchorsSince = 0;
let graceTimer = 0;
let lastReport = '';
let reportedAt = ''; // the finds and the grace state the last report was built from
let lastFacts = '';
/** Readers whose probe named more than one element at the last look. @type {Set<string>} */
let ambiguous = new Set();
let pageUrl = '';
/** @type {MutationObserver | null} */
let watcher = null;
/** What the page changed since the last pass (null: look at the whole page). @type {import('./changes.js').Changes | null} */
let changes = null;
let wholePage = true; // the next pass looks at the whole page (a new plan, many records)
/** @type {import('./readers.js').Row[]} */
let lastRows = [];
let rowsKey = '';
/** Where the last read rows and headers are: their nearest common ancestors. @type {Element[]} */
let rowHomes = [];
/** The readings to send next. @type {import('../wire.js').PageFacts | null} */
let pendingFacts = null;
/** How often a page may send its readings: each costs the worker a decision and a storage write. */
const FACTS_EVERY_MS = 250;
/** @type {(reply: any, askedAt: number) => void} */
let onReply = () => {};

/**
 * What to do with the worker's answers to reports and readings (they may open the panel);
 * `askedAt` is when the message was sent (performance.now()).
 * @param {(reply: any, askedAt: number) => void} then
 */
export function onWorkerReply(then) {
  onReply = then;
}

const schedulePass = promptly(() => runPass());

/**
 * Keeps the records of what the page changed (see `Changes`), then schedules a pass. The
 * records are read only if a lookup needs them; even then no layout, no text.
 * @param {MutationRecord[]} records
 */
function noteChanges(records) {
  if (!wholePage) noteRecords((changes ||= noChanges()), records);
  schedulePass();
}

/**
 * Starts the pass for a new plan: its anchors for this document and its readers.
 * @param {{anchors: Anchor[], readers: Readers | null, url: string, frame: string}} plan
 */
export function startPass(plan) {
  anchors = plan.anchors.filter((a) => (a.frame || 'top') === plan.frame);
  readers = plan.readers;
  pageUrl = plan.url;
  syncView = null;
  lastFacts = '';
  pendingFacts = null;
  ambiguous = new Set();
  lastReport = '';
  reportedAt = '';
  resetProbes();
  wholePage = true;
  changes = null;
  lastRows = [];
  rowsKey = '';
  rowHomes = [];
  anchorsSince = Date.now();
  clearTimeout(graceTimer);
  const watching = anchors.length > 0 || readers !== null;
  if ((readers && readers.settles) || anchors.some((a) => a.kind === 'notice')) graceTimer = setTimeout(() => noteChanges([]), GRACE_MS + 50);
  if (watching && !watcher) {
    // characterData too: the values the sync readers read change in place.
    watcher = new MutationObserver(noteChanges);
    watcher.observe(document.body || document.documentElement, { childList: true, subtree: true, characterData: true });
  } else if (!watching && watcher) {
    watcher.disconnect();
    watcher = null;
  }
  schedulePass();
}

/** Removes the previous page's marks at once (a route change), before its new plan arrives. */
export function clearPass() {
  anchors = [];
  readers = null;
  pendingFacts = null;
  syncView = null;
  pageUrl = '';
  wholePage = true;
  changes = null;
  clearTimeout(graceTimer);
  keepOnly(new Set());
}

/**
 * The worker's newer sync view of the page at `url` (Azure Resource Manager confirmed or
 * corrected it); a view of an earlier page is dropped.
 * @param {string} url @param {SyncView} view
 */
export function showSyncOf(url, view) {
  if (url === pageUrl && pageUrl !== '') showSync(view);
}

/** The worker's sync view of this page arrived. @param {SyncView} view */
function showSync(view) {
  syncView = view;
  schedulePass();
}

/** Redraws every mark (the page's theme changed). */
export function redrawMarks() {
  keepOnly(new Set());
  schedulePass();
}

/** The nearest element holding all of `elements` (none: null). @param {NodeListOf<Element>} elements */
function homeOf(elements) {
  const last = elements[elements.length - 1];
  let home = elements.length > 0 ? elements[0].parentElement : null;
  while (home && !home.contains(last)) home = home.parentElement;
  return home;
}

/**
 * The queue's rows: read again only when the page changed inside the rows' or the headers' home
 * (or one of them left the page); under churn elsewhere the last reading stands. Before the
 * homes are known, any change that could hold a row or a header counts.
 * @param {import('./readers.js').Queue} queue
 * @param {import('./changes.js').Changes | null} scope
 */
function queueRows(queue, scope) {
  const places = scope && rowHomes.length > 0 ? changedPlaces(scope) : null;
  const stale =
    !scope ||
    rowHomes.some((home) => !home.isConnected) ||
    (places ? [...places].some((place) => rowHomes.some((home) => home.contains(place))) : changedCandidates(scope, `${queue.rows}, ${queue.headers}`).length > 0);
  if (stale) {
    const headerCells = document.querySelectorAll(queue.headers);
    const rowElements = document.querySelectorAll(queue.rows);
    lastRows = readRows(queue, headerCells, rowElements);
    rowsKey = JSON.stringify(lastRows.map((r) => ({ key: r.key, values: r.values })));
    const homes = lastRows.length > 0 ? [homeOf(rowElements), homeOf(headerCells)] : [];
    rowHomes = homes.filter((home) => home !== null);
  }
  return lastRows;
}

function runPass() {
  // A pass without changes (a new sync view, the grace period over, a redraw) looks at nothing new.
  const scope = wholePage ? null : changes || noChanges();
  wholePage = false;
  changes = null;
  newPass();
  const wanted = new Set();
  const incident = syncView && syncView.incident;
  /** @type {Anchor[]} */
  const title = readers && readers.title && incident ? [{ kind: 'sync', id: 'incident-sync', label: incident.label, state: incident.state, place: 'after', probe: readers.title }] : [];
  for (const anchor of anchors.concat(title)) {
    const key = `${anchor.kind}:${anchor.id}`;
    wanted.add(key);
    place(key, anchor, findTarget(anchor.probe, key, scope));
  }
  const rows = readers && readers.queue ? queueRows(readers.queue, scope) : [];
  const badges = new Map(((syncView && syncView.badges) || []).map((b) => [b.key, b]));
  for (const row of rows) {
    const badge = badges.get(row.key);
    if (!badge || !row.cell) continue;
    const key = `row:${row.key}`;
    wanted.add(key);
    // First in the cell: grid cells cut overflowing text, which would hide a badge at the end.
    place(key, { kind: 'sync', id: 'incident-sync', row: row.key, label: badge.label, title: badge.title, state: badge.state, place: 'prepend' }, row.cell);
  }
  keepOnly(wanted);
  report();
  if (readers) sendFacts(scope);
  // The marks this pass added or moved are mutations of the page too: dropping their records
  // keeps them from scheduling another pass that would find everything in place. The page's own
  // mutations never wait here: they were delivered at the microtask checkpoint before this frame.
  if (watcher) watcher.takeRecords();
}

/** @param {import('./changes.js').Changes | null} scope */
function sendFacts(scope) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const reader of (readers && readers.readers) || []) {
    const element = findTarget(reader.probe, `reader:${reader.id}`, scope);
    if (element) values[reader.id] = readValue(element, reader.read);
    // A second candidate (a twin link pasted in a comment) makes the reading the core's doubt.
    const twice = Boolean(element) && moreThanOne(reader.probe, scope, ambiguous.has(reader.id), element);
    if (twice) ambiguous.add(reader.id);
    else ambiguous.delete(reader.id);
  }
  // Where the core decides nothing when the grace period ends (a queue), its end is no news.
  const settled = Boolean(readers && readers.settles) && Date.now() - anchorsSince >= GRACE_MS;
  const doubts = [...ambiguous];
  // The rows go as they were last read (`rowsKey` is their JSON): nothing is built per batch.
  const key = `${JSON.stringify(values)}|${settled}|${rowsKey}|${doubts}`;
  if (key === lastFacts) return;
  // A queue (which never settles) or an evidence page within the grace period, with nothing read
  // yet: the worker could only answer "still checking", as it assumes until a reading comes. The first reading goes when there
  // is one, without a round trip now and a wait for the rate limit then. An incident page sends it
  // (it has a title reader): its first reading starts the worker's ARM check for a signed-in user.
  const nothingYet = lastFacts === '' && !settled && !(readers && readers.title) && lastRows.length === 0 && Object.keys(values).length === 0;
  if (nothingYet) return;
  lastFacts = key;
  pendingFacts = { values, rows: lastRows.map((r) => ({ key: r.key, values: r.values })), settled, ambiguous: doubts };
  postFacts();
}

// A page whose DOM changes every frame changes its readings as often; they go to the worker at
// most four times a second, the latest always last.
const postFacts = atMostEvery(FACTS_EVERY_MS, () => {
  const facts = pendingFacts;
  pendingFacts = null;
  if (!facts) return;
  const url = pageUrl;
  const askedAt = performance.now();
  toWorker({ type: 'page-facts', url, facts })
    .then((/** @type {import('../wire.js').FactsReply | null} */ reply) => {
      if (url !== pageUrl || !reply) return;
      if (reply.view) showSync(reply.view);
      onReply(reply, askedAt);
    })
    .catch(() => {});
});

// Tell the worker which notices found their place, each as `id:tier` with the index of the probe
// tier that found it (the popup's page check says how, and lists the rest as "can't read this
// view"). Missing ones count only after the grace period.
function report() {
  const graceOver = Date.now() - anchorsSince >= GRACE_MS;
  // Built again only when a find changed or the grace period ended: under churn, neither does.
  const state = `${findVersion()}|${graceOver}`;
  if (state === reportedAt) return;
  reportedAt = state;
  const notices = anchors.filter((a) => a.kind === 'notice');
  /** @type {string[]} */
  const found = [];
  /** @type {string[]} */
  const notFound = [];
  for (const a of notices) {
    const by = marks.has(`notice:${a.id}`) ? foundBy(`notice:${a.id}`) : null;
    if (by) found.push(`${a.id}:${by.tier}`);
    else notFound.push(a.id);
  }
  const missing = graceOver ? notFound : [];
  const key = JSON.stringify([found, missing]);
  // Nothing found and nothing missing yet is what the worker assumes of a new page.
  if (key === lastReport || (lastReport === '' && key === '[[],[]]')) return;
  lastReport = key;
  const url = pageUrl;
  const askedAt = performance.now();
  toWorker({ type: 'probe-report', found, missing })
    .then((/** @type {import('../wire.js').ReportReply | null} */ reply) => url === pageUrl && reply && onReply(reply, askedAt))
    .catch(() => {});
}
