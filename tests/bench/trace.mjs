// What the content script costs on the page's main thread, from a Chromium trace: long tasks
// attributed to it under churn, and a page load's main-thread time by kind.
//
// The page's PerformanceObserver sees long tasks but not whose code ran in them: the content
// script runs in an isolated world of the same main thread. The trace does: every script entry
// is a FunctionCall (or EvaluateScript) event with the URL of the script, and the content
// script's is chrome-extension://<id>/content.js. A long task is counted as the extension's
// when it would not have been long without the extension's script time in it.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const LONG_TASK_US = 50_000;
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript']);

/**
 * The renderer process and main thread of the page whose top frame has `pageUrl`: the one that
 * parsed its HTML when the trace covers the navigation (the renderer changes with the site),
 * else the top frame's process named when tracing started.
 */
function pageThread(events, pageUrl) {
  let pid = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl)?.pid ?? null;
  for (const e of events) {
    if (pid != null || e.name !== 'TracingStartedInBrowser') continue;
    const frames = e.args?.data?.frames ?? [];
    pid = (frames.find((f) => !f.parent && f.url === pageUrl) ?? frames.find((f) => !f.parent))?.processId ?? null;
  }
  if (pid == null) throw new Error('the trace does not name the page’s renderer process');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no main thread for the page');
  return { pid, tid: main.tid };
}

/** Complete events named in `names` on `thread` whose script URL is under `origin`. */
function scriptEvents(events, thread, origin, names) {
  if (!origin) return [];
  return events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && names.has(e.name))
    .filter((e) => (e.args?.data?.url ?? '').startsWith(`${origin}/`));
}

const totalMs = (intervals) => intervals.reduce((total, [s, e]) => total + (e - s), 0) / 1000;

/** Sorted [start, end] intervals (µs) of the outermost script entries from `origin`. */
function scriptIntervals(events, thread, origin) {
  const spans = scriptEvents(events, thread, origin, SCRIPT_EVENTS)
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function overlapUs(intervals, start, end) {
  let total = 0;
  for (const [s, e] of intervals) {
    if (e <= start) continue;
    if (s >= end) break;
    total += Math.min(e, end) - Math.max(s, start);
  }
  return total;
}

/**
 * @param events   traceEvents of a trace that covered the measurement
 * @param pageUrl  the page's URL (to find its renderer)
 * @param extensionOrigin  chrome-extension://<id>, or null for the profile without it
 */
export function attributeLongTasks(events, { pageUrl, extensionOrigin }) {
  const thread = pageThread(events, pageUrl);
  const ext = scriptIntervals(events, thread, extensionOrigin);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid);
  const long = tasks.filter((t) => t.dur >= LONG_TASK_US).map((t) => {
    const extUs = overlapUs(ext, t.ts, t.ts + t.dur);
    return { ms: t.dur / 1000, extensionMs: extUs / 1000, extensions: t.dur - extUs < LONG_TASK_US && extUs > 0 };
  });
  return {
    extensionScriptMs: totalMs(ext),
    longTasks: long.length,
    longTasksWithExtensionScript: long.filter((t) => t.extensionMs > 0).length,
    longTasksAttributable: long.filter((t) => t.extensions).length,
    extensionMsInLongTasks: long.reduce((total, t) => total + t.extensionMs, 0),
  };
}

/** DevTools-like kinds of main-thread work, by trace event name; the rest is "other". */
const KINDS = [
  ['script', /^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.|V8\.|MajorGC|MinorGC)/],
  ['styleLayout', /^(UpdateLayoutTree|Layout|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation|IntersectionObserverController|HitTest)/],
  ['paintCommit', /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|BeginCommitCompositorFrame|AnimationFrame::)/],
  ['parseHtml', /^ParseHTML/],
];

/**
 * Self time (an event's duration minus its children's) of every event on `thread`, summed by
 * kind, in ms; `otherTop` names the largest contributors to "other".
 */
function mainThreadTime(events, thread) {
  const own = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    .map((e) => ({ name: e.name, start: e.ts, end: e.ts + e.dur, self: e.dur }));
  const stack = [];
  for (const e of own) {
    while (stack.length && stack[stack.length - 1].end <= e.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(e.end, parent.end) - e.start;
    stack.push(e);
  }
  const kinds = { script: 0, styleLayout: 0, paintCommit: 0, parseHtml: 0, other: 0 };
  const other = new Map();
  for (const e of own) {
    const kind = KINDS.find(([, re]) => re.test(e.name))?.[0] ?? 'other';
    kinds[kind] += e.self / 1000;
    if (kind === 'other') other.set(e.name, (other.get(e.name) ?? 0) + e.self / 1000);
  }
  const otherTop = [...other].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => ({ name, ms }));
  return { ...kinds, otherTop };
}

/**
 * A traced page load: the content script's main-thread time in three parts (compiling
 * content.js, running its top level, its callbacks: route checks, the worker's answer,
 * mounting, anchor passes, message handlers), and all of the main thread's time by kind, to
 * compare with the profile without the extension.
 */
export function loadCost(events, { pageUrl, extensionOrigin }) {
  const thread = pageThread(events, pageUrl);
  const ms = (list) => list.reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
  const compileMs = ms(scriptEvents(events, thread, extensionOrigin, new Set(['v8.compile'])));
  const evaluateMs = ms(scriptEvents(events, thread, extensionOrigin, new Set(['EvaluateScript'])));
  return {
    contentScript: {
      compileMs,
      topLevelMs: evaluateMs - compileMs,
      callbacksMs: totalMs(scriptIntervals(events, thread, extensionOrigin)) - evaluateMs,
    },
    mainThread: mainThreadTime(events, thread),
  };
}
