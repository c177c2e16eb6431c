// What every section of the report shares: the budgets (docs/development.md#decisions), the
// units, medians over a profile's samples, and the row shape (one column per profile, what the
// extension adds, the budget and whether the median met it). Rows without a budget are context
// ("info"), never pass or fail.
import { median } from './stats.mjs';

export const BUDGETS = Object.freeze({
  churnBatchMs: 0.2,
  goneFrames: 1,
  shownMs: 50,
  closedMemoryBytes: 0.5 * 2 ** 20,
  coldStartMs: 150,
  longTasksFromExtension: 0,
});

const MB = 2 ** 20;
export const ms = (v) => (v == null ? '—' : `${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} ms`);
export const mb = (v) => (v == null ? '—' : `${(v / MB).toFixed(2)} MB`);
export const times = (v) => (v == null ? 'n/a' : `${v.toFixed(2)}×`);
export const signed = (v, unit) => (v == null ? '—' : `${v >= 0 ? '+' : '−'}${unit(Math.abs(v))}`);
export const diff = (a, b) => (a == null || b == null ? null : a - b);
/** `a / b`, or null when b is not positive (a ratio of added times means little then). */
export const over = (a, b) => (a == null || b == null || b <= 0 ? null : a / b);
export const pick = (list, key, value) => list.filter((s) => s[key] === value);
export const med = (list, f) => median(list.map(f));
/** "median (lowest–highest)" of one metric over runs. */
export function spread(runs, f, unit = ms) {
  const xs = runs.map(f).filter(Number.isFinite);
  return xs.length ? `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})` : '—';
}

/** The profile columns, in table order. */
export const COLUMNS = [
  ['without', 'without'],
  ['with', 'with, panel closed'],
  ['with-open', 'with, panel open'],
  ['peer', 'peer'],
];

/** A row: `cells` maps profile names to text (missing: —). */
export function info(metric, cells, change = '') {
  return { metric, cells, change, budget: '—', result: 'info' };
}
export function budgeted(metric, cells, change, budget, ok) {
  return { metric, cells, change, budget, result: ok == null ? 'n/a' : ok ? 'pass' : 'FAIL' };
}
