// Turns the samples of every iteration into the table: medians per metric, with vs without,
// the ratio or what the extension adds, and the budget of ARCHITECTURE.md / issue 7 when the
// metric has one. Rows without a budget are context ("info"), never pass or fail.
import { CHURN_PAGES, LOAD_PAGES, ROUTES } from './pages.mjs';
import { median, ratio, sum } from './stats.mjs';

export const BUDGETS = Object.freeze({
  scriptingRatio: 1.05,
  routeFrames: 2,
  firstOverlayMs: 300,
  longTasksFromExtension: 0,
  memoryPerTabBytes: 10 * 2 ** 20,
});

const MB = 2 ** 20;
const ms = (v) => (v == null ? '—' : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const mb = (v) => (v == null ? '—' : `${(v / MB).toFixed(2)} MB`);
const times = (v) => (v == null ? 'n/a' : `${v.toFixed(2)}×`);
const signed = (v, unit) => (v == null ? '—' : `${v >= 0 ? '+' : '−'}${unit(Math.abs(v))}`);
const diff = (a, b) => (a == null || b == null ? null : a - b);
/** "lowest–highest" of one metric over runs. */
const spread = (runs, f) => {
  const xs = runs.map(f).filter(Number.isFinite);
  return xs.length ? `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}` : '—';
};
const pick = (list, key, value) => list.filter((s) => s[key] === value);
const med = (list, f) => median(list.map(f));
/** Median count and median total of per-run lists of long-task durations. */
const longTasks = (runs, f) => `${med(runs, (s) => f(s).length)} / ${ms(med(runs, (s) => sum(f(s))))}`;

const KINDS = ['script', 'styleLayout', 'paintCommit', 'parseHtml', 'other'];
/** Median main-thread self time per kind, "a / b / c / d / e" in ms. */
const byKind = (runs) => KINDS.map((k) => med(runs, (s) => s.mainThread[k])).map((v) => (v == null ? '—' : v.toFixed(1))).join(' / ') + ' ms';

/** A row; `budget` rows carry the budget text and whether the median met it. */
function info(metric, without, withExt, change = '') {
  return { metric, without, with: withExt, change, budget: '—', result: 'info' };
}
function budgeted(metric, without, withExt, change, budget, ok) {
  return { metric, without, with: withExt, change, budget, result: ok == null ? 'n/a' : ok ? 'pass' : 'FAIL' };
}

function loadRows(samples, page, windowMs) {
  const w = pick(samples.with.loads, 'page', page.key);
  const wo = pick(samples.without.loads, 'page', page.key);
  const traced = pick(samples.with.tracedLoads, 'page', page.key);
  const tracedWithout = pick(samples.without.tracedLoads, 'page', page.key);
  const control = pick(samples.control.loads, 'page', page.key);
  const script = [med(wo, (s) => s.scriptMs), med(w, (s) => s.scriptMs)];
  const scriptRatio = ratio(script[1], script[0]);
  const controlScript = med(control, (s) => s.scriptMs);
  const task = [med(wo, (s) => s.taskMs), med(w, (s) => s.taskMs)];
  const cpu = [med(wo, (s) => s.browserCpuMs), med(w, (s) => s.browserCpuMs)];
  const dcl = med(w, (s) => s.dclToHostMs);
  const p = page.label;
  return [
    budgeted(`${p}: scripting (ScriptDuration, ${windowMs / 1000} s from navigation)`, ms(script[0]), ms(script[1]),
      `${times(scriptRatio)} (${signed(diff(script[1], script[0]), ms)})`, `≤ ${BUDGETS.scriptingRatio}×`,
      scriptRatio == null ? null : scriptRatio <= BUDGETS.scriptingRatio),
    info(`${p}: scripting per load, lowest–highest`, spread(wo, (s) => s.scriptMs), spread(w, (s) => s.scriptMs)),
    info(`${p}: scripting with the control extension, whose content script only sends the worker the URL`,
      ms(script[0]), ms(controlScript), `${times(ratio(controlScript, script[0]))} (${signed(diff(controlScript, script[0]), ms)})`),
    info(`${p}: content script on the main thread (traced load): compile / top level / callbacks`, '—',
      ['compileMs', 'topLevelMs', 'callbacksMs'].map((k) => ms(med(traced, (s) => s.contentScript[k]))).join(' / ')),
    info(`${p}: main-thread task time (TaskDuration)`, ms(task[0]), ms(task[1]), times(ratio(task[1], task[0]))),
    info(`${p}: main-thread time by kind (traced load): script / style and layout / paint and commit / HTML parsing / other`,
      byKind(tracedWithout), byKind(traced)),
    info(`${p}: CPU time of all browser processes`, ms(cpu[0]), ms(cpu[1]), times(ratio(cpu[1], cpu[0]))),
    info(`${p}: long tasks in the window (count / total)`, longTasks(wo, (s) => s.longTasks), longTasks(w, (s) => s.longTasks)),
    budgeted(`${p}: DOMContentLoaded → overlay host in the page`, '—', ms(dcl), '', `≤ ${BUDGETS.firstOverlayMs} ms`,
      dcl == null ? null : dcl <= BUDGETS.firstOverlayMs),
    info(`${p}: DOMContentLoaded → first item shown in the overlay`, '—', ms(med(w, (s) => s.dclToOverlayItemMs))),
  ];
}

function memoryRows(samples, page) {
  const w = pick(samples.with.loads, 'page', page.key);
  const wo = pick(samples.without.loads, 'page', page.key);
  const heap = [med(wo, (s) => s.memory.pageHeap), med(w, (s) => s.memory.pageHeap)];
  const overlayHeap = med(w, (s) => s.memory.overlayHeap);
  const overlayWasm = med(w, (s) => s.memory.overlayWasm);
  const added = diff(heap[1], heap[0]);
  const perTab = added == null ? null : added + (overlayHeap ?? 0) + (overlayWasm ?? 0);
  const pss = [med(wo, (s) => s.memory.browserPss), med(w, (s) => s.memory.browserPss)];
  const p = page.label;
  return [
    info(`${p}: page JS heap (content script included)`, mb(heap[0]), mb(heap[1]), signed(added, mb)),
    info(`${p}: overlay iframe JS heap / wasm memory`, '—', `${mb(overlayHeap)} / ${mb(overlayWasm)}`),
    budgeted(`${p}: memory added per tab (page heap added + overlay heap and wasm)`, '', '', signed(perTab, mb),
      `≤ ${mb(BUDGETS.memoryPerTabBytes)}`, perTab == null ? null : perTab <= BUDGETS.memoryPerTabBytes),
    info(`${p}: whole browser PSS, one tab (extension process included)`, mb(pss[0]), mb(pss[1]), signed(diff(pss[1], pss[0]), mb)),
  ];
}

function routeRows(samples, route) {
  const r = pick(samples.with.routes, 'route', route.key);
  const mount = med(r, (s) => s.mount.frames);
  const update = med(r, (s) => s.update.frames);
  const budget = `≤ ${BUDGETS.routeFrames} frames`;
  return [
    budgeted(`${route.label}: route change → overlay host mounted (page had none)`, '—',
      `${mount} frames (${ms(med(r, (s) => s.mount.ms))})`, '', budget, mount == null ? null : mount <= BUDGETS.routeFrames),
    info(`${route.label}: route change → first item in the new overlay`, '—', ms(med(r, (s) => s.mount.overlayItemMs))),
    budgeted(`${route.label}: route change → open overlay shows the new page`, '—',
      `${update} frames (${ms(med(r, (s) => s.update.ms))})`, '', budget, update == null ? null : update <= BUDGETS.routeFrames),
  ];
}

function coldStartRows(samples) {
  const runs = samples.with.coldStarts;
  const cold = med(runs, (s) => s.cold.navToHostMs);
  const warm = med(runs, (s) => s.warm.navToHostMs);
  return [
    info('Service worker cold start: navigation → overlay host (warm worker in brackets)', '—',
      `${ms(cold)} (${ms(warm)})`, signed(diff(cold, warm), ms)),
    info('Service worker cold start: DOMContentLoaded → overlay host', '—', ms(med(runs, (s) => s.cold.dclToHostMs))),
    info('Service worker JS heap / wasm memory (one per browser)', '—',
      `${mb(med(samples.with.loads, (s) => s.memory.workerHeap))} / ${mb(med(samples.with.loads, (s) => s.memory.workerWasm))}`),
  ];
}

function churnRows(samples, page) {
  const w = pick(samples.with.churn, 'page', page.key);
  const wo = pick(samples.without.churn, 'page', page.key);
  const script = [med(wo, (s) => s.scriptMsPerBatch), med(w, (s) => s.scriptMsPerBatch)];
  const task = [med(wo, (s) => s.taskMsPerBatch), med(w, (s) => s.taskMsPerBatch)];
  // Summed over every run: one long task of the extension in any run is one too many.
  const attributable = w.length ? sum(w.map((s) => s.attribution.longTasksAttributable)) : null;
  const touched = sum(w.map((s) => s.attribution.longTasksWithExtensionScript));
  const p = `${page.label} under churn`;
  return [
    info(`${p}: scripting per batch`, ms(script[0]), ms(script[1]), `${times(ratio(script[1], script[0]))} (${signed(diff(script[1], script[0]), ms)})`),
    info(`${p}: content-script time per batch (trace)`, '—', ms(med(w, (s) => s.extensionScriptMsPerBatch))),
    info(`${p}: task time per batch`, ms(task[0]), ms(task[1]), times(ratio(task[1], task[0]))),
    info(`${p}: long tasks (count / total)`, longTasks(wo, (s) => s.longTasks), longTasks(w, (s) => s.longTasks)),
    budgeted(`${p}: long tasks attributable to the extension, all runs (with any content-script time: ${touched})`,
      String(sum(wo.map((s) => s.attribution.longTasksAttributable))), attributable == null ? '—' : String(attributable), '',
      String(BUDGETS.longTasksFromExtension), attributable == null ? null : attributable <= BUDGETS.longTasksFromExtension),
  ];
}

/** Every row of the report, in reading order. */
export function buildRows(samples, options) {
  return [
    ...LOAD_PAGES.flatMap((page) => loadRows(samples, page, options.windowMs)),
    ...ROUTES.flatMap((route) => routeRows(samples, route)),
    ...LOAD_PAGES.flatMap((page) => memoryRows(samples, page)),
    ...coldStartRows(samples),
    ...CHURN_PAGES.flatMap((page) => churnRows(samples, page)),
  ];
}

export function markdownTable(rows) {
  const lines = ['| metric | without | with | ratio / added | budget | result |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.without} | ${r.with} | ${r.change} | ${r.budget} | ${r.result} |`);
  return lines.join('\n');
}

export function markdownReport({ machine, options, rows, sizes }) {
  const failed = rows.filter((r) => r.result === 'FAIL');
  return [
    '## SecOps Wayfinder in Chromium: with vs without the extension',
    '',
    `${machine.date} · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os} (kernel ${machine.kernel}) · ` +
      `${machine.chromium} · Node ${machine.node}, playwright-core ${machine.playwrightCore}`,
    '',
    `${options.iterations} iterations (profiles taking turns), medians; load window ${options.windowMs / 1000} s; ` +
      `churn ${options.churnSeconds} s per run${options.quick ? ' (--quick: checks the bench, not the extension)' : ''}`,
    '',
    markdownTable(rows),
    '',
    failed.length ? `Over budget: ${failed.map((r) => r.metric).join('; ')}.` : 'Every budget met.',
    ...(sizes ? ['', '### Sizes', '', sizes.markdown] : []),
  ].join('\n');
}
