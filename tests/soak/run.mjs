// The soak: one Chromium with the extension on the demo portal for N minutes (default 30),
// as an analyst's working session compressed. Two tabs, Defender and Azure portal, take turns
// at SPA route changes through the portals' own links (routes.mjs) while each page churns its
// DOM (churn.mjs); after each change the overlay must show the new route's item. Once, in the
// middle, the service worker is stopped as Chromium stops an idle one, and the time until the
// overlay is back after the next route change is measured. Every ~30 s the heaps are sampled
// (sample.mjs); every console error, warning and uncaught exception of the pages, the overlay
// and the worker is collected (observe.mjs). Prints the table (report.mjs), writes the raw
// result to target/soak/latest.json, and exits 1 on any error, a missed overlay, a failed
// recovery or memory that is not flat. Started by `cargo xtask soak`; see docs/soak.md.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { stopExtensionWorker } from '../bench/cdp.mjs';
import { describeMachine } from '../bench/machine.mjs';
import { sleep } from '../bench/stats.mjs';
import { launchChromium, overlay, startDemoPortal } from '../support/browser.mjs';
import { churnStats, startChurn } from './churn.mjs';
import { ConsoleWatch, grouped, runningWorkers } from './observe.mjs';
import { markdownReport, memoryRows, memorySeries } from './report.mjs';
import { clickInPage, TABS } from './routes.mjs';
import { takeSample } from './sample.mjs';
import { installOverlayProbe, itemShownAt } from './timing.mjs';

const SAMPLE_EVERY_MS = 30_000;
const DWELL_MS = 2000; // on each route, churn running, before the tab's next turn
const STEP_TIMEOUT_MS = 10_000; // an overlay later than this counts as missed (an error)
const QUIET_BEFORE_STOP_MS = 1000; // the last route change's messages are answered before the stop
const STOP_ATTEMPTS = 3; // a stop is retried at the next route when something woke the worker first

const log = (message) => console.error(`soak: ${message}`);

function parseOptions(argv) {
  const options = { minutes: 30 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--minutes') {
      const n = Number(argv[(i += 1)]);
      if (!Number.isInteger(n) || n <= 0) throw new Error('--minutes takes a positive whole number');
      options.minutes = n;
    } else {
      throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

async function commitOf() {
  const git = (args) => promisify(execFile)('git', args, { cwd: import.meta.dirname }).then((r) => r.stdout.trim());
  try {
    const id = await git(['rev-parse', '--short=12', 'HEAD']);
    const dirty = (await git(['status', '--porcelain', '--untracked-files=no'])) !== '';
    return dirty ? `${id} (with uncommitted changes)` : id;
  } catch {
    return 'unknown';
  }
}

const hintOf = (page, id) => overlay(page).locator(`[data-wayfinder-kind="hint"][data-wayfinder-id="${id}"]`);

/** Opens a tab on its start page, waits for its overlay and starts its DOM churn. */
async function openTab(context, watch, def) {
  const page = await context.newPage();
  watch.watchPage(page, def.label);
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const tab = { ...def, page, session, next: 0 };
  await loadStart(tab);
  return tab;
}

async function loadStart(tab) {
  await tab.page.goto(tab.start);
  await hintOf(tab.page, tab.startItem).waitFor({ timeout: STEP_TIMEOUT_MS });
  await startChurn(tab.page);
  tab.next = 0;
}

/**
 * One route change. `ms` runs from the click in the page until the route's item entered the
 * overlay's DOM (timing.mjs); on a route without an item, until the panel is gone, measured
 * here in Node (`nodeMs`, which also includes DevTools round trips and Playwright's polling).
 */
async function changeRoute(tab, ctx, step) {
  const t = (Date.now() - ctx.startedAt) / 1000;
  const t0 = performance.now();
  let error = null;
  let ms = null;
  let frameMs = null;
  try {
    const clickedAbs = await tab.page.evaluate(clickInPage, step.clicks);
    if (step.item) {
      await hintOf(tab.page, step.item).waitFor({ timeout: STEP_TIMEOUT_MS });
      const shownAbs = await itemShownAt(tab.page, ctx.extensionOrigin, step.item, clickedAbs);
      if (shownAbs != null) ms = shownAbs - clickedAbs;
    } else {
      await tab.page.locator('[data-wayfinder-host]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    }
    const frameAbs = await tab.page.evaluate(() => window.__soakFrameAfterClick);
    if (frameAbs != null) frameMs = frameAbs - clickedAbs;
  } catch (e) {
    error = String(e.message).split('\n')[0];
  }
  const nodeMs = performance.now() - t0;
  if (error) {
    ctx.watch.record('soak', 'error', `${tab.label} → ${step.name}: overlay not right (${error}); the tab is reloaded`);
    await loadStart(tab).catch((e) => ctx.watch.record('soak', 'error', `${tab.label}: reload failed: ${e.message}`));
  }
  return { t, tab: tab.label, route: step.name, item: step.item, ms: ms ?? nodeMs, inOverlay: ms != null, nodeMs, frameMs, ok: !error };
}

async function soak(browser, options) {
  const { context, extensionOrigin } = browser;
  const browserSession = await context.browser().newBrowserCDPSession();
  const watch = new ConsoleWatch(extensionOrigin);
  if (!(await watch.watchWorker(browserSession))) throw new Error('the extension service worker is not running');
  await installOverlayProbe(context);

  const tabs = [];
  for (const def of TABS) tabs.push(await openTab(context, watch, def));
  const visibility = await Promise.all(tabs.map((tab) => tab.page.evaluate(() => document.visibilityState)));
  if (visibility.some((v) => v !== 'visible')) throw new Error(`every tab must be visible (rAF runs only there): ${visibility}`);

  const startedAt = Date.now();
  const endAt = startedAt + options.minutes * 60_000;
  const stopAt = startedAt + (options.minutes * 60_000) / 2;
  const samples = [];
  const navigations = [];
  let recovery = null;
  let stopAttempts = 0;
  let nextSampleAt = startedAt;
  const sample = async () => {
    const s = await takeSample({ tabs, context, browserSession, extensionOrigin, startedAt });
    samples.push(s);
    await watch.watchWorker(browserSession);
    const heaps = tabs.map((tab) => `${tab.key} ${(s.pages[tab.key].heap / 2 ** 20).toFixed(1)}`).join(', ');
    const worker = s.worker ? `${(s.worker.heap / 2 ** 20).toFixed(1)}` : '—';
    log(`${Math.round(s.t)} s: ${navigations.length} route changes, page heaps ${heaps} MB, worker ${worker} MB, errors ${watch.errors().length}`);
  };

  for (let turn = 0; Date.now() < endAt; turn += 1) {
    if (Date.now() >= nextSampleAt) {
      await sample();
      nextSampleAt += SAMPLE_EVERY_MS;
    }
    const tab = tabs[turn % tabs.length];
    const step = tab.steps[tab.next];
    tab.next = (tab.next + 1) % tab.steps.length;

    // The worker stop, once, before a route change that brings a new item into the overlay.
    let stop = null;
    if (!recovery && Date.now() >= stopAt && step.item) {
      await sleep(QUIET_BEFORE_STOP_MS);
      stopAttempts += 1;
      await stopExtensionWorker(tab.session, extensionOrigin);
      stop = { verified: (await runningWorkers(browserSession, extensionOrigin)).length === 0 };
      log(`service worker stopped (${stop.verified ? 'no worker target left' : 'but running again already'})`);
    }
    const nav = await changeRoute(tab, { startedAt, extensionOrigin, watch }, step);
    if (stop) {
      nav.afterRestart = true;
      const workerBack = (await runningWorkers(browserSession, extensionOrigin)).length === 1;
      if (stop.verified || stopAttempts >= STOP_ATTEMPTS) {
        recovery = {
          t: nav.t,
          route: `${tab.label} → ${step.name}`,
          ms: nav.ms,
          inOverlay: nav.inOverlay,
          frameMs: nav.frameMs,
          stopVerified: stop.verified,
          workerBack,
          attempts: stopAttempts,
          ok: nav.ok && stop.verified && workerBack,
        };
        log(`overlay back ${Math.round(nav.ms)} ms after the route change (${recovery.route})`);
      }
    }
    navigations.push(nav);
    await sleep(DWELL_MS);
  }
  await sample();
  const churn = {};
  for (const tab of tabs) churn[tab.key] = await churnStats(tab.page);
  await watch.unwatchWorker(browserSession);
  return { samples, navigations, recovery, churn, watch, tabs };
}

const options = parseOptions(process.argv.slice(2));
const out = process.env.WAYFINDER_SOAK_OUT || path.resolve(import.meta.dirname, '../../target/soak/latest.json');
const portal = await startDemoPortal();
let browser = null;
let run;
try {
  browser = await launchChromium(portal);
  log(`${options.minutes} min of route changes and DOM churn in ${TABS.map((t) => t.label).join(' and ')} tabs`);
  run = await soak(browser, options);
} finally {
  await browser?.close();
  await portal.stop();
}

const machine = await describeMachine();
const commit = await commitOf();
const workerRestartT = run.recovery ? run.recovery.t : null;
const rows = memoryRows(memorySeries(run.samples, run.tabs, workerRestartT));
const judged = rows.filter((r) => r.flat != null);
const verdicts = { memoryFlat: judged.length ? judged.every((r) => r.flat) : null };
const errors = grouped(run.watch.errors());
const warnings = grouped(run.watch.warnings());
verdicts.pass = errors.length === 0 && Boolean(run.recovery?.ok) && verdicts.memoryFlat !== false;
const result = {
  machine,
  commit,
  options,
  verdicts,
  rows,
  recovery: run.recovery,
  navigations: run.navigations,
  errors,
  warnings,
  churn: run.churn,
  workerAttaches: run.watch.workerAttaches,
  samples: run.samples,
  console: run.watch.entries,
};
console.log(markdownReport(result));
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify(result, null, 2));
log(`raw result written to ${out}`);
process.exitCode = verdicts.pass ? 0 : 1;
