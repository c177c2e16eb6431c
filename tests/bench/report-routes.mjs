// The report's route-change and cold-start rows: the task time a route change adds in each
// profile, what the user sees of it with the panel closed (previous marks gone, new items drawn)
// and open (overlay updated, host mounted), and the service worker's cold start to the first item.
import { BUDGETS, budgeted, diff, info, mb, med, ms, pick, signed, spread } from './rows.mjs';

const frames = (n) => (n == null ? '—' : `${n} frame${n === 1 ? '' : 's'}`);

export function routeRows(samples, route) {
  const of = (name) => pick(samples[name].routes, 'route', route.key);
  const task = (name) => med(of(name), (s) => s.taskMs);
  const added = (name) => diff(task(name), task('without'));
  const closed = of('with');
  const marked = closed.filter((s) => s.marksBefore > 0);
  // A run in which the marks never went, or nothing was drawn, fails the row outright.
  const notGone = marked.filter((s) => !s.gone).length;
  const goneFrames = med(marked, (s) => s.gone?.frames);
  const goneMs = med(marked, (s) => s.gone?.ms);
  const notShown = closed.filter((s) => !s.shown).length;
  const shownMs = med(closed, (s) => s.shown?.ms);
  const shownWhat = [...new Set(closed.map((s) => s.shown?.what ?? 'nothing'))].join(', ');
  const open = of('with-open');
  const updateMs = med(open, (s) => s.overlay?.ms);
  const mounts = pick(samples['with-open'].mounts, 'route', route.key);
  const mountFrames = med(mounts, (s) => s.frames);
  const r = route.label;
  return [
    info(`${r}: main-thread task time, 1 s from the route change, median (lowest–highest)`,
      Object.fromEntries(['without', 'with', 'with-open', 'peer'].map((n) => [n, spread(of(n), (s) => s.taskMs)]))),
    info(`${r}: task time added per route change`, { with: signed(added('with'), ms), 'with-open': signed(added('with-open'), ms), peer: signed(added('peer'), ms) }),
    budgeted(`${r}: route change → previous page's marks gone, panel closed (${med(closed, (s) => s.marksBefore) ?? '—'} marks)`,
      { with: marked.length ? `${frames(goneFrames)} (${ms(goneMs)})${notGone ? `; not gone in ${notGone} of ${marked.length}` : ''}` : 'no marks' }, '',
      `≤ ${frames(BUDGETS.goneFrames)}`, marked.length ? notGone === 0 && goneFrames <= BUDGETS.goneFrames : null),
    budgeted(`${r}: route change → new page's items shown, panel closed (first drawn: ${shownWhat})`,
      { with: closed.length ? `${ms(shownMs)} (${frames(med(closed, (s) => s.shown?.frames))})${notShown ? `; nothing in ${notShown} of ${closed.length}` : ''}` : '—' }, '',
      `≤ ${BUDGETS.shownMs} ms`, closed.length ? notShown === 0 && shownMs <= BUDGETS.shownMs : null),
    budgeted(`${r}: route change → open overlay shows the new page`,
      { 'with-open': open.length ? `${ms(updateMs)} (${frames(med(open, (s) => s.overlay?.frames))})` : '—' }, '',
      `≤ ${BUDGETS.shownMs} ms`, updateMs == null ? null : updateMs <= BUDGETS.shownMs),
    info(`${r}: route change from a page without panel → panel host mounted / first item in the new overlay`,
      { 'with-open': mounts.length ? `${frames(mountFrames)} (${ms(med(mounts, (s) => s.ms))}) / ${ms(med(mounts, (s) => s.overlayItemMs))}` : '—' }),
  ];
}

export function coldStartRows(samples) {
  const closed = samples.with.coldStarts;
  const open = samples['with-open'].coldStarts;
  const closedCold = med(closed, (s) => s.cold.navToFirstItemMs);
  const openCold = med(open, (s) => s.cold.navToOverlayItemMs);
  const budget = `≤ ${BUDGETS.coldStartMs} ms`;
  const worker = (name, key) => med(samples[name].loads, (s) => s.memory[key]);
  return [
    budgeted('Service worker cold start: navigation → first item in the page, panel closed (warm worker in brackets)',
      { with: `${ms(closedCold)} (${ms(med(closed, (s) => s.warm.navToFirstItemMs))})` }, signed(diff(closedCold, med(closed, (s) => s.warm.navToFirstItemMs)), ms),
      budget, closedCold == null ? null : closedCold <= BUDGETS.coldStartMs),
    budgeted('Service worker cold start: navigation → first item in the overlay, panel open (warm worker in brackets)',
      { 'with-open': `${ms(openCold)} (${ms(med(open, (s) => s.warm.navToOverlayItemMs))})` }, signed(diff(openCold, med(open, (s) => s.warm.navToOverlayItemMs)), ms),
      budget, openCold == null ? null : openCold <= BUDGETS.coldStartMs),
    info('Service worker cold start: DOMContentLoaded → first item in the page / navigation → panel host',
      { with: ms(med(closed, (s) => s.cold.dclToFirstItemMs)), 'with-open': `${ms(med(open, (s) => s.cold.dclToFirstItemMs))} / ${ms(med(open, (s) => s.cold.navToHostMs))}` }),
    info('Service worker JS heap / wasm memory (one per browser)', Object.fromEntries(['with', 'with-open'].map((n) => [n, `${mb(worker(n, 'workerHeap'))} / ${mb(worker(n, 'workerWasm'))}`]))),
  ];
}
