// Probe patches (docs/enterprise.md#probe-patches): where to find a notice's control after the
// portal changed, from the administrator's policy or a file the user imported. The core checks
// and applies them in a wasm module of their own (crates/worker/src/patches.rs), which this file
// instantiates the first time a plan is made while a patch is in force: the worker's own module
// carries none of their code, and a browser without patches never loads it. Module service
// workers cannot import() dynamically, so the module's glue is imported statically and only its
// wasm is fetched late.
import initPatches, { patchedPlan } from './wasm/patches.js';

let loading = null;

/** Whether the user's settings or the policy name a probe patch. */
function holdsPatches(values) {
  return Boolean(values && Array.isArray(values.probePatches) && values.probePatches.length > 0);
}

/**
 * What the plans' patches come from: the user's stored settings and the policy, as read; null
 * when neither holds a patch (then plans are sent as the worker made them).
 */
export function patchSourceOf(stored, policy) {
  return holdsPatches(stored) || holdsPatches(policy) ? { stored: stored ?? null, policy: policy ?? null } : null;
}

/** `plan` with the patches of `source` applied by the core; the plan as it is without a source. */
export async function withPatches(plan, source) {
  if (!source || plan.anchors.length === 0) return plan;
  loading ??= initPatches().catch((error) => {
    loading = null;
    throw error;
  });
  // Whatever fails here, the plan still goes out with the catalog's probes: a patch only ever
  // changes where to look, and a page without its plan would show nothing at all.
  try {
    await loading;
    return patchedPlan(plan, source.stored, source.policy);
  } catch (error) {
    console.error('SecOps Wayfinder: the probe patches were not applied', error);
    return plan;
  }
}
