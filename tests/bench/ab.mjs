// A/B of two builds: this build and a baseline build (another revision), both with the panel
// closed, and no extension, loading the same demo pages in turns. It answers "did this change add
// page cost?", which two full runs cannot: between runs every profile moves together by more than
// a change costs (docs/benchmarks.md). The three browsers stay open for the whole run and take
// turns load by load, so drift hits all alike. Then both builds take turns at service-worker cold
// starts (navigation → first item, the worker stopped before each). Prints markdown tables of
// the medians with their ranges and writes every sample to target/bench/ab.json.
// Started by `cargo xtask bench --baseline <rev> [--loads N]`, which builds both.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDemoPortal } from '../support/browser.mjs';
import { describeMachine } from './machine.mjs';
import { DEFAULTS } from './options.mjs';
import { COLD_START_PAGE, LOAD_PAGES, WARM_PAGES } from './pages.mjs';
import { openProfile } from './profiles.mjs';
import { diff, ms, signed } from './rows.mjs';
import { median, sleep } from './stats.mjs';
import { measureColdStart } from './scenarios/cold-start.mjs';
import { measureLoad } from './scenarios/load.mjs';

const log = (message) => console.error(`bench: ${message}`);
const AB_PROFILES = ['without', 'with', 'baseline'];

function parseLoads(argv) {
  const at = argv.indexOf('--loads');
  if (at < 0) return 12;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error('--loads takes a positive whole number');
  return n;
}

const loads = parseLoads(process.argv.slice(2));
const baselineLabel = process.env.WAYFINDER_BASELINE_LABEL || 'baseline';
const out = process.env.WAYFINDER_BENCH_OUT || path.resolve(import.meta.dirname, '../../target/bench/ab.json');
const samples = Object.fromEntries(AB_PROFILES.map((name) => [name, []]));
const coldStarts = { with: [], baseline: [] };
/** Cold-start rounds per build: each is a few warm/cold pairs (scenarios/cold-start.mjs). */
const COLD_ROUNDS = Math.max(2, Math.ceil(loads / 4));

const portal = await startDemoPortal();
const profiles = [];
try {
  for (const name of AB_PROFILES) {
    const profile = await openProfile(portal, name);
    profiles.push(profile);
    // Warm-up, unmeasured: the network stack, code caches and each page kind's first visit.
    for (const url of WARM_PAGES) {
      const page = await profile.context.newPage();
      await page.goto(url);
      await sleep(1500);
      await page.close();
    }
  }
  for (let i = 0; i < loads; i += 1) {
    for (let k = 0; k < profiles.length; k += 1) {
      const profile = profiles[(i + k) % profiles.length];
      for (const target of LOAD_PAGES) {
        log(`load ${i + 1}/${loads} ${profile.name} ${target.key}`);
        samples[profile.name].push(await measureLoad(profile, target, { windowMs: DEFAULTS.windowMs }));
      }
    }
  }
  const builds = profiles.filter((p) => p.name in coldStarts);
  for (let i = 0; i < COLD_ROUNDS; i += 1) {
    for (let k = 0; k < builds.length; k += 1) {
      const profile = builds[(i + k) % builds.length];
      log(`cold start ${i + 1}/${COLD_ROUNDS} ${profile.name}`);
      coldStarts[profile.name].push(...(await measureColdStart(profile, COLD_START_PAGE)));
    }
  }
} finally {
  for (const profile of profiles) await profile.close();
  await portal.stop();
}

/** `{median, text}` of `values`, the text "median (lowest–highest)". */
function summary(values) {
  return { median: median(values), text: values.length ? `${ms(median(values))} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})` : '—' };
}
const cell = (name, page) => summary(samples[name].filter((s) => s.page === page).map((s) => s.taskMs));

const machine = await describeMachine();
const lines = [
  `## A/B: this build against ${baselineLabel}, panel closed`,
  '',
  `${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.chromium} · ${loads} warm loads per page and build, in turns; ` +
    `main-thread task time (TaskDuration, ${DEFAULTS.windowMs / 1000} s from navigation), median (lowest–highest)`,
  '',
  '| page | without | this build | baseline | this build − baseline |',
  '| --- | --- | --- | --- | --- |',
];
for (const target of LOAD_PAGES) {
  const [without, current, baseline] = AB_PROFILES.map((name) => cell(name, target.key));
  lines.push(`| ${target.label} | ${without.text} | ${current.text} | ${baseline.text} | ${signed(diff(current.median, baseline.median), ms)} |`);
}
const [cold, baselineCold] = ['with', 'baseline'].map((name) => summary(coldStarts[name].map((p) => p.cold.navToFirstItemMs)));
const [warm, baselineWarm] = ['with', 'baseline'].map((name) => summary(coldStarts[name].map((p) => p.warm.navToFirstItemMs)));
lines.push(
  '',
  `Service-worker cold start, ${COLD_START_PAGE.label}: navigation → first item in the page, ${coldStarts.with.length} cold loads per build, median (lowest–highest)`,
  '',
  '| worker | this build | baseline | this build − baseline |',
  '| --- | --- | --- | --- |',
  `| stopped (cold) | ${cold.text} | ${baselineCold.text} | ${signed(diff(cold.median, baselineCold.median), ms)} |`,
  `| running (warm) | ${warm.text} | ${baselineWarm.text} | ${signed(diff(warm.median, baselineWarm.median), ms)} |`,
);
console.log(lines.join('\n'));
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ machine, loads, baseline: baselineLabel, samples, coldStarts }, null, 2));
log(`raw samples written to ${out}`);
