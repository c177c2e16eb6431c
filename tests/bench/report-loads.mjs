// The report's page-load and memory rows: main-thread task time each profile adds per load
// against `without` and against the peer, where the content script's time goes, our first item,
// whether wasm was loaded with the panel closed, and memory per tab with the panel closed and open.
import { BUDGETS, budgeted, diff, info, mb, med, ms, over, pick, signed, spread, times } from './rows.mjs';
import { sum } from './stats.mjs';

const KINDS = ['script', 'styleLayout', 'paintCommit', 'parseHtml', 'other'];
/** Median main-thread self time per kind, "a / b / c / d / e" in ms. */
const byKind = (runs) => (runs.length ? KINDS.map((k) => med(runs, (s) => s.mainThread[k])).map((v) => (v == null ? '—' : v.toFixed(1))).join(' / ') + ' ms' : '—');
/** Median count and median total of per-run lists of long-task durations. */
const longTasks = (runs) => (runs.length ? `${med(runs, (s) => s.longTasks.length)} / ${ms(med(runs, (s) => sum(s.longTasks)))}` : '—');

export function loadRows(samples, page, windowMs) {
  const of = (name, kind = 'loads') => pick(samples[name][kind], 'page', page.key);
  const task = (name) => med(of(name), (s) => s.taskMs);
  const added = (name) => diff(task(name), task('without'));
  const [closed, open, peer, control] = ['with', 'with-open', 'peer', 'control'].map(added);
  const allLoads = (f) => ({ without: spread(of('without'), f), with: spread(of('with'), f), 'with-open': spread(of('with-open'), f), peer: spread(of('peer'), f) });
  const parts = (name) => ['compileMs', 'topLevelMs', 'callbacksMs'].map((k) => ms(med(of(name, 'tracedLoads'), (s) => s.contentScript[k]))).join(' / ');
  const closedLoads = of('with');
  const withWasm = closedLoads.filter((s) => s.wasm.loaded).length;
  const first = med(closedLoads, (s) => s.dclToFirstItemMs);
  const p = page.label;
  return [
    info(`${p}: main-thread task time per load (TaskDuration, ${windowMs / 1000} s from navigation), median (lowest–highest)`, allLoads((s) => s.taskMs)),
    budgeted(`${p}: task time added per load, panel closed (with − without), against the peer's (peer − without)`,
      { with: signed(closed, ms), peer: signed(peer, ms) }, `with/peer ${times(over(closed, peer))}`, "≤ peer's",
      closed == null || peer == null ? null : closed <= peer),
    info(`${p}: task time added per load, panel open`, { 'with-open': signed(open, ms), peer: signed(peer, ms) }, `with open/peer ${times(over(open, peer))}`),
    info(`${p}: task time added by the control extension (its content script only sends the worker the URL)`, {}, signed(control, ms)),
    info(`${p}: scripting per load (ScriptDuration), median (lowest–highest)`, allLoads((s) => s.scriptMs)),
    info(`${p}: content script on the main thread (traced load): compile / top level / callbacks`, { with: parts('with'), peer: parts('peer') }),
    info(`${p}: main-thread time by kind (traced load): script / style and layout / paint and commit / HTML parsing / other`,
      { without: byKind(of('without', 'tracedLoads')), with: byKind(of('with', 'tracedLoads')), peer: byKind(of('peer', 'tracedLoads')) }),
    info(`${p}: CPU time of all browser processes`, Object.fromEntries(['without', 'with', 'with-open', 'peer'].map((n) => [n, ms(med(of(n), (s) => s.browserCpuMs))]))),
    info(`${p}: long tasks in the window (count / total)`, Object.fromEntries(['without', 'with', 'with-open', 'peer'].map((n) => [n, longTasks(of(n))]))),
    info(`${p}: DOMContentLoaded → first of our items in the page (dock with pill or chip, or a mark)`,
      { with: `${ms(first)} (${[...new Set(closedLoads.map((s) => s.firstItem))].join(', ') || '—'})`, 'with-open': ms(med(of('with-open'), (s) => s.dclToFirstItemMs)) }),
    info(`${p}: DOMContentLoaded → panel host in the page / first item shown in the overlay`, { 'with-open': `${ms(med(of('with-open'), (s) => s.dclToHostMs))} / ${ms(med(of('with-open'), (s) => s.dclToOverlayItemMs))}` }),
    budgeted(`${p}: loads with wasm in the tab, panel closed (.wasm resources or overlay.html frames)`,
      { with: closedLoads.length ? `${withWasm} of ${closedLoads.length}` : '—', 'with-open': `${of('with-open').filter((s) => s.wasm.loaded).length} of ${of('with-open').length}` },
      '', 'none', closedLoads.length ? withWasm === 0 : null),
  ];
}

export function memoryRows(samples, page) {
  const budget = BUDGETS.closedMemoryBytes;
  const of = (name) => pick(samples[name].loads, 'page', page.key);
  const heap = (name) => med(of(name), (s) => s.memory.pageHeap);
  const frameBytes = (name) => med(of(name), (s) => (s.memory.overlayHeap ?? 0) + (s.memory.overlayWasm ?? 0));
  const perTab = (name) => {
    const added = diff(heap(name), heap('without'));
    return added == null ? null : added + (frameBytes(name) ?? 0);
  };
  const pss = (name) => med(of(name), (s) => s.memory.browserPss);
  const [closed, open, peer] = ['with', 'with-open', 'peer'].map(perTab);
  const p = page.label;
  return [
    info(`${p}: page JS heap after GC (content script included)`, Object.fromEntries(['without', 'with', 'with-open', 'peer'].map((n) => [n, mb(heap(n))]))),
    info(`${p}: overlay iframe JS heap / wasm memory`, { with: '—', 'with-open': `${mb(med(of('with-open'), (s) => s.memory.overlayHeap))} / ${mb(med(of('with-open'), (s) => s.memory.overlayWasm))}` }),
    budgeted(`${p}: memory added per tab, panel closed (page heap added + overlay heap and wasm)`, { with: signed(closed, mb), peer: signed(peer, mb) }, '',
      `≤ ${mb(budget)}`, closed == null ? null : closed <= budget),
    info(`${p}: memory added per tab, panel open`, { 'with-open': signed(open, mb) }),
    info(`${p}: whole browser PSS, one tab (extension process included)`, Object.fromEntries(['without', 'with', 'with-open', 'peer'].map((n) => [n, mb(pss(n))]))),
  ];
}
