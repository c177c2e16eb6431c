// Turns the samples of every iteration into the report: one table of medians per metric with a
// column per profile (without; with the panel closed, as analysts keep it; with it open; the
// reference peer), what the extension adds, and the budget of docs/development.md#decisions when
// the metric has one; then the build's sizes, as information.
import { CHURN_PAGES, LOAD_PAGES, ROUTES } from './pages.mjs';
import { churnRows } from './report-churn.mjs';
import { loadRows, memoryRows } from './report-loads.mjs';
import { coldStartRows, routeRows } from './report-routes.mjs';
import { COLUMNS } from './rows.mjs';

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
  const head = ['metric', ...COLUMNS.map(([, label]) => label), 'added / ratio', 'budget', 'result'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const cells = COLUMNS.map(([name]) => r.cells[name] ?? '—');
    lines.push(`| ${[r.metric, ...cells, r.change, r.budget, r.result].join(' | ')} |`);
  }
  return lines.join('\n');
}

const kb = (bytes) => `${bytes} B (${(bytes / 1024).toFixed(1)} KB)`;

/** The build's sizes (target/bench/sizes.json, written by `cargo xtask bench`), info only. */
function sizesTable(sizes) {
  const lines = ['| file | raw | measured |', '| --- | --- | --- |'];
  const c = sizes.content_script;
  if (c) lines.push(`| content.js | ${kb(c.raw)} | ${kb(c.minified)} minified |`);
  for (const w of sizes.wasm ?? []) lines.push(`| ${w.name} | ${kb(w.raw)} | ${kb(w.gzip)} gzip |`);
  if (sizes.zip) lines.push(`| ${sizes.zip.name} (store zip) | ${kb(sizes.zip.size)} | |`);
  return lines.join('\n');
}

export function markdownReport({ machine, options, rows, sizes }) {
  const failed = rows.filter((r) => r.result === 'FAIL');
  return [
    '## SecOps Wayfinder in Chromium: without, with (panel closed and open), and a reference peer',
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
    ...(sizes ? ['', '### Sizes (information; the build checks its own size budgets)', '', sizesTable(sizes)] : []),
  ].join('\n');
}
