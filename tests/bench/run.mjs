// The browser benchmark: the same demo-portal scenarios in Debian Chromium with and without
// the extension, in one run, the profiles taking turns per iteration (with a control extension
// for the page loads, see profiles.mjs). Prints a markdown table of medians with the budgets and
// writes every sample to target/bench/latest.json.
// Started by `cargo xtask bench` (which builds first and sets the environment); see
// docs/benchmarks.md for what each figure means and how it is measured.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoPortal } from '../support/browser.mjs';
import { describeMachine } from './machine.mjs';
import { parseOptions } from './options.mjs';
import { CHURN_PAGES, COLD_START_PAGE, LOAD_PAGES, ROUTES } from './pages.mjs';
import { openProfile, orderOf, PROFILES } from './profiles.mjs';
import { buildRows, markdownReport } from './report.mjs';
import { measureChurn } from './scenarios/churn.mjs';
import { measureColdStart } from './scenarios/cold-start.mjs';
import { measureLoad } from './scenarios/load.mjs';
import { measureRoute } from './scenarios/route.mjs';
import { measureTracedLoad } from './scenarios/traced-load.mjs';
import { sleep } from './stats.mjs';

const log = (message) => console.error(`bench: ${message}`);
const options = parseOptions(process.argv.slice(2));
const out = process.env.WAYFINDER_BENCH_OUT || path.resolve(import.meta.dirname, '../../target/bench/latest.json');

/** One profile's scenarios in one iteration, each in a fresh tab. */
async function runIteration(profile, samples) {
  // Warm-up, unmeasured: the first load of a browser pays for its network stack, code
  // caches and (with the extension) the worker's first plan, in both profiles.
  for (const target of LOAD_PAGES) {
    const page = await profile.context.newPage();
    await page.goto(target.url);
    await sleep(1500);
    await page.close();
  }
  for (const target of LOAD_PAGES) {
    log(`  load ${target.key}`);
    samples.loads.push(await measureLoad(profile, target, options));
  }
  // The control is the scripting yardstick only (profiles.mjs).
  if (profile.name === 'control') return;
  for (const target of LOAD_PAGES) {
    log(`  traced load ${target.key}`);
    samples.tracedLoads.push(await measureTracedLoad(profile, target, options));
  }
  if (profile.extension) {
    for (const route of ROUTES) {
      log(`  route changes ${route.key}`);
      samples.routes.push(await measureRoute(profile, route));
    }
    log('  service-worker cold start');
    samples.coldStarts.push(await measureColdStart(profile, COLD_START_PAGE));
  }
  for (const target of CHURN_PAGES) {
    log(`  churn ${target.key} (${options.churnSeconds} s)`);
    samples.churn.push(await measureChurn(profile, target, { seconds: options.churnSeconds }));
  }
}

const samples = Object.fromEntries(PROFILES.map((n) => [n, { loads: [], tracedLoads: [], routes: [], coldStarts: [], churn: [] }]));
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
