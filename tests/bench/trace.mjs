// What the content script costs on the page's main thread, from a Chromium trace.
//
// The page's PerformanceObserver sees long tasks but not whose code ran in them: the content
// script runs in an isolated world of the same main thread. The trace does: every script entry
// is a FunctionCall (or EvaluateScript) event with the URL of the script, and the content
// script's is chrome-extension://<id>/content.js. A long task is counted as the extension's
// when it would not have been long without the extension's script time in it.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** Adds V8's own events, among them V8.DeserializeContext: a new JS context (world) is made. */
export const LOAD_TRACE_CATEGORIES = [...TRACE_CATEGORIES, 'v8'];
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

/**
 * The content script's main-thread time during a page load, in three parts: compiling
 * content.js, running its top level, and its callbacks (route checks, the worker's answer,
 * mounting, anchor passes, message handlers); and the time V8 spent making JS contexts on the
 * page's main thread, which the extension raises by one: the content script's isolated world.
 * (Context creation carries no script URL: it is compared with the profile without.)
 */
export function loadScriptCost(events, { pageUrl, extensionOrigin }) {
  const thread = pageThread(events, pageUrl);
  const ms = (list) => list.reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
  const compileMs = ms(scriptEvents(events, thread, extensionOrigin, new Set(['v8.compile'])));
  const evaluateMs = ms(scriptEvents(events, thread, extensionOrigin, new Set(['EvaluateScript'])));
  const contexts = events.filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.name === 'V8.DeserializeContext');
  return {
    compileMs,
    topLevelMs: evaluateMs - compileMs,
    callbacksMs: totalMs(scriptIntervals(events, thread, extensionOrigin)) - evaluateMs,
    contextSetupMs: ms(contexts),
  };
}
