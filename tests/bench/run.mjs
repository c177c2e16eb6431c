// The browser benchmark: the same demo-portal scenarios in Debian Chromium with the extension
// (panel closed, as analysts keep it, and panel open), without it, and with a reference peer
// content script, in one run, the profiles taking turns per iteration (profiles.mjs). Prints a
// markdown table of medians with the budgets and writes every sample to target/bench/latest.json.
// Started by `cargo xtask bench` (which builds first and sets the environment); see
// docs/benchmarks.md for what each figure means and how it is measured.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoPortal } from '../support/browser.mjs';
import { describeMachine } from './machine.mjs';
import { parseOptions } from './options.mjs';
import { CHURN_PAGES, COLD_START_PAGE, LOAD_PAGES, ROUTES, WARM_PAGES } from './pages.mjs';
import { openProfile, orderOf, PROFILES } from './profiles.mjs';
import { buildRows, markdownReport } from './report.mjs';
import { measureChurn } from './scenarios/churn.mjs';
import { measureColdStart } from './scenarios/cold-start.mjs';
import { measureLoad } from './scenarios/load.mjs';
import { measureRoute } from './scenarios/route.mjs';
import { measureRouteMount } from './scenarios/route-mount.mjs';
import { measureTracedLoad } from './scenarios/traced-load.mjs';
import { sleep } from './stats.mjs';

const log = (message) => console.error(`bench: ${message}`);
const options = parseOptions(process.argv.slice(2));
const out = process.env.WAYFINDER_BENCH_OUT || path.resolve(import.meta.dirname, '../../target/bench/latest.json');

/** Which scenarios each profile runs (the control is context for the page loads only). */
const PLAN = {
  with: { traced: true, routes: true, mounts: false, coldStart: true, churn: true },
  'with-open': { traced: false, routes: true, mounts: true, coldStart: true, churn: false },
  without: { traced: true, routes: true, mounts: false, coldStart: false, churn: true },
  peer: { traced: true, routes: true, mounts: false, coldStart: false, churn: true },
  control: { traced: false, routes: false, mounts: false, coldStart: false, churn: false },
};

/** One profile's scenarios in one iteration, each in a fresh tab. */
async function runIteration(profile, samples) {
  const plan = PLAN[profile.name];
  // Warm-up, unmeasured, every page once: the first load of a browser pays for its network
  // stack and code caches, and with the extension each kind of page has its first visit (the
  // panel opens by itself there; afterwards a closed panel stays closed).
  for (const url of WARM_PAGES) {
    const page = await profile.context.newPage();
    await page.goto(url);
    await sleep(1500);
    await page.close();
  }
  for (const target of LOAD_PAGES) {
    log(`  load ${target.key}`);
    samples.loads.push(await measureLoad(profile, target, options));
  }
  if (plan.traced) {
    for (const target of LOAD_PAGES) {
      log(`  traced load ${target.key}`);
      samples.tracedLoads.push(await measureTracedLoad(profile, target, options));
    }
  }
  if (plan.routes) {
    for (const route of ROUTES) {
      log(`  route change ${route.key}`);
      samples.routes.push(await measureRoute(profile, route));
    }
  }
  if (plan.mounts) {
    for (const route of ROUTES) {
      log(`  route change mounting the panel ${route.key}`);
      samples.mounts.push(await measureRouteMount(profile, route));
    }
  }
  if (plan.coldStart) {
    log('  service-worker cold start');
    samples.coldStarts.push(...(await measureColdStart(profile, COLD_START_PAGE)));
  }
  if (plan.churn) {
    for (const target of CHURN_PAGES) {
      log(`  churn ${target.key} (${options.churnSeconds} s)`);
      samples.churn.push(await measureChurn(profile, target, { seconds: options.churnSeconds }));
    }
  }
}

const samples = Object.fromEntries(PROFILES.map((n) => [n, { loads: [], tracedLoads: [], routes: [], mounts: [], coldStarts: [], churn: [] }]));
const portal = await startDemoPortal();
try {
  for (let i = 0; i < options.iterations; i += 1) {
    for (const name of orderOf(i)) {
      log(`iteration ${i + 1}/${options.iterations}, profile ${name}`);
      const profile = await openProfile(portal, name);
      try {
        await runIteration(profile, samples[name]);
      } finally {
        await profile.close();
      }
    }
  }
} finally {
  await portal.stop();
}

const machine = await describeMachine();
const sizesFile = process.env.WAYFINDER_BENCH_SIZES;
const sizes = sizesFile ? JSON.parse(await readFile(sizesFile, 'utf8')) : null;
const rows = buildRows(samples, options);
console.log(markdownReport({ machine, options, rows, sizes }));
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ machine, options, sizes, rows, samples }, null, 2));
log(`raw samples written to ${out}`);
