// The report's DOM-churn rows: the content script's time per mutation batch with the panel
// closed against the peer's and the 0.2 ms budget, the page's scripting and task time per batch,
// and long tasks, attributed to the content script through the trace.
import { BUDGETS, budgeted, info, med, ms, pick, signed, diff } from './rows.mjs';
import { sum } from './stats.mjs';

const PROFILES = ['without', 'with', 'peer'];

export function churnRows(samples, page) {
  const of = (name) => pick(samples[name].churn, 'page', page.key);
  const each = (f) => Object.fromEntries(PROFILES.map((n) => [n, of(n).length ? f(of(n)) : '—']));
  const content = (name) => med(of(name), (s) => s.extensionScriptMsPerBatch);
  const [withMs, peerMs] = [content('with'), content('peer')];
  const longTasks = (runs) => `${med(runs, (s) => s.longTasks.length)} / ${ms(med(runs, (s) => sum(s.longTasks)))}`;
  // Summed over every run: one long task of the extension in any run is one too many.
  const attributable = (runs) => sum(runs.map((s) => s.attribution.longTasksAttributable));
  const touched = sum(of('with').map((s) => s.attribution.longTasksWithExtensionScript));
  const script = (name) => med(of(name), (s) => s.scriptMsPerBatch);
  const p = `${page.label} under churn`;
  return [
    budgeted(`${p}: content script per mutation batch (trace)`, { with: ms(withMs), peer: ms(peerMs) }, '',
      `≤ ${BUDGETS.churnBatchMs} ms and ≤ peer's`, withMs == null || peerMs == null ? null : withMs <= BUDGETS.churnBatchMs && withMs <= peerMs),
    info(`${p}: scripting per batch (ScriptDuration)`, each((runs) => ms(med(runs, (s) => s.scriptMsPerBatch))),
      `with ${signed(diff(script('with'), script('without')), ms)} · peer ${signed(diff(script('peer'), script('without')), ms)}`),
    info(`${p}: task time per batch (TaskDuration)`, each((runs) => ms(med(runs, (s) => s.taskMsPerBatch)))),
    info(`${p}: long tasks (count / total)`, each(longTasks)),
    budgeted(`${p}: long tasks attributable to the content script, all runs (with any of its time: ${touched})`,
      each((runs) => String(attributable(runs))), '', String(BUDGETS.longTasksFromExtension),
      of('with').length ? attributable(of('with')) <= BUDGETS.longTasksFromExtension : null),
  ];
}
