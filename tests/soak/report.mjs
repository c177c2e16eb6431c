// Turns the soak's samples into the verdicts and the table it prints: per memory series its
// start, end and maximum and its trend after warm-up, plus navigations, the worker-restart
// recovery and every error.
import { median } from '../bench/stats.mjs';

// Memory is "flat" when, after warm-up, it grows by less than 1 MB per 10 minutes. An analyst
// keeps a portal tab open for a working day (8 h = 48 × 10 min): at that rate the extension
// would hold under 50 MB more by the evening, and a real leak of the per-route kind (a plan,
// a mark, a listener or an overlay kept per route change, ~1 route change every 2 s here) grows
// several MB per 10 minutes. Lower would flag V8's own drift (code caches, feedback vectors).
export const FLAT_MB_PER_10_MIN = 1;
// The first 2 minutes after a process starts (the soak, or the worker after its restart) are
// left out of the trend: caches, compiled code and the portals' first renders fill up then.
export const WARMUP_S = 120;

const MB = 2 ** 20;

/**
 * Least-squares slope in units per second, pooled over segments: a segment is one lifetime of
 * a process (the worker restarts in the middle), and each segment keeps its own level, so a
 * fresh worker's smaller heap does not read as memory going down. Points within `WARMUP_S` of
 * their segment's start are left out. Null when fewer than 3 points are left.
 */
export function pooledSlope(points) {
  const bySegment = new Map();
  for (const p of points) {
    if (p.y == null || p.t - p.segmentStart < WARMUP_S) continue;
    if (!bySegment.has(p.segmentStart)) bySegment.set(p.segmentStart, []);
    bySegment.get(p.segmentStart).push(p);
  }
  let sxy = 0;
  let sxx = 0;
  let n = 0;
  for (const list of bySegment.values()) {
    if (list.length < 2) continue;
    const mt = list.reduce((s, p) => s + p.t, 0) / list.length;
    const my = list.reduce((s, p) => s + p.y, 0) / list.length;
    for (const p of list) {
      sxy += (p.t - mt) * (p.y - my);
      sxx += (p.t - mt) ** 2;
    }
    n += list.length;
  }
  return n >= 3 && sxx > 0 ? sxy / sxx : null;
}

/** The memory series of the samples: label, unit and the points {t, y, segmentStart}. */
export function memorySeries(samples, tabs, workerRestartT) {
  const segmentOf = (t) => (workerRestartT != null && t >= workerRestartT ? workerRestartT : 0);
  const series = (label, pick, { worker = false } = {}) => ({
    label,
    points: samples.map((s) => ({ t: s.t, y: pick(s) ?? null, segmentStart: worker ? segmentOf(s.t) : 0 })),
  });
  return [
    ...tabs.map((tab) => series(`${tab.label} tab: page JS heap (portal + content script)`, (s) => s.pages[tab.key]?.heap)),
    series('overlay renderer: JS heap (all overlay iframes)', (s) => s.overlay?.heap),
    ...tabs.map((tab) => series(`${tab.label} tab: overlay iframe wasm memory`, (s) => s.overlayWasm?.[tab.key])),
    series('service worker: JS heap', (s) => s.worker?.heap, { worker: true }),
    series('service worker: wasm memory', (s) => s.worker?.wasm, { worker: true }),
  ];
}

/** Start, end, max and slope (MB per 10 min) of each series, and whether it is flat. */
export function memoryRows(series) {
  return series.map(({ label, points }) => {
    const values = points.filter((p) => p.y != null);
    const slope = pooledSlope(points);
    const perTenMin = slope == null ? null : (slope * 600) / MB;
    return {
      label,
      start: values[0]?.y ?? null,
      end: values.at(-1)?.y ?? null,
      max: values.length ? Math.max(...values.map((p) => p.y)) : null,
      samples: values.length,
      slopeMbPer10Min: perTenMin,
      flat: perTenMin == null ? null : perTenMin < FLAT_MB_PER_10_MIN,
    };
  });
}

const mb = (v) => (v == null ? '—' : `${(v / MB).toFixed(2)} MB`);
const slope = (v) => (v == null ? 'n/a' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`);
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'pass' : 'FAIL');

/** The whole result as markdown: memory table, summary table, errors and warnings. */
export function markdownReport(result) {
  const lines = [];
  const { rows, navigations, recovery, errors, warnings, machine, options, verdicts } = result;
  lines.push(`Soak: ${options.minutes} min, ${machine.date}, ${machine.cpus}-core ${machine.cpuModel}, ${machine.chromium}, commit ${result.commit}`);
  lines.push('');
  lines.push(`| memory (after forced GC) | start | end | max | slope after ${WARMUP_S / 60} min (MB / 10 min) | flat (< ${FLAT_MB_PER_10_MIN} MB / 10 min) |`);
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    lines.push(`| ${r.label} | ${mb(r.start)} | ${mb(r.end)} | ${mb(r.max)} | ${slope(r.slopeMbPer10Min)} | ${verdict(r.flat)} |`);
  }
  lines.push('');
  const ok = navigations.filter((n) => n.ok);
  const toItem = ok.filter((n) => n.item && n.inOverlay && !n.afterRestart).map((n) => n.ms);
  const perTab = new Map();
  for (const n of navigations) perTab.set(n.tab, (perTab.get(n.tab) ?? 0) + 1);
  const byTab = [...perTab].map(([tab, count]) => `${tab} ${count}`).join(', ');
  lines.push('| check | result |');
  lines.push('| --- | --- |');
  lines.push(`| SPA route changes | ${navigations.length} (${byTab}); overlay right after each: ${ok.length}, missed: ${navigations.length - ok.length} |`);
  lines.push(`| click → the new route's item in the overlay's DOM, worker running (median / 95th percentile / max of ${toItem.length}) | ${fmtMs(median(toItem))} / ${fmtMs(percentile(toItem, 0.95))} / ${fmtMs(toItem.length ? Math.max(...toItem) : null)} |`);
  const frames = ok.filter((n) => n.item && n.inOverlay && !n.afterRestart && n.frameMs != null).map((n) => n.frameMs);
  lines.push(`| of which: click → the page's next animation frame, where the content script checks the route (median / 95th percentile / max) | ${fmtMs(median(frames))} / ${fmtMs(percentile(frames, 0.95))} / ${fmtMs(frames.length ? Math.max(...frames) : null)} |`);
  lines.push(`| worker stopped in the middle → click → the new route's item in the overlay | ${recovery ? `${recovery.ok ? fmtMs(recovery.ms) : 'NOT BACK'} (${recovery.route}, worker stop checked: ${recovery.stopVerified ? 'yes' : 'no'})` : 'not done'} |`);
  const loads = result.samples.map((s) => s.load);
  lines.push(`| machine load (1-min load average over the samples, median / max) | ${median(loads)?.toFixed(2) ?? '—'} / ${loads.length ? Math.max(...loads).toFixed(2) : '—'} |`);
  lines.push(`| errors (page, content script, overlay, worker) | ${errors.reduce((n, e) => n + e.count, 0)} (${errors.length} distinct) |`);
  lines.push(`| warnings | ${warnings.reduce((n, w) => n + w.count, 0)} (${warnings.length} distinct) |`);
  lines.push(`| memory flat | ${verdict(verdicts.memoryFlat)} |`);
  lines.push(`| result | ${verdicts.pass ? 'pass' : 'FAIL'} |`);
  if (errors.length) {
    lines.push('', 'Errors:', '');
    for (const e of errors) lines.push(`- ${e.count}× ${e.source}: ${e.text.split('\n')[0]}`);
  }
  if (warnings.length) {
    lines.push('', 'Warnings:', '');
    for (const w of warnings) lines.push(`- ${w.count}× ${w.source}: ${w.text.split('\n')[0]}`);
  }
  return lines.join('\n');
}

/** The nearest-rank percentile `p` (0–1) of `values`, or null when there are none. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const fmtMs = (v) => (v == null ? '—' : `${Math.round(v)} ms`);
