// Small statistics over the per-iteration samples: medians, because a 2-core machine has
// outliers (a compositor hiccup, a GC) that a mean would smear over every figure.

/** The median of the finite numbers in `values`, or null when there are none. */
export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export function sum(values) {
  return values.reduce((total, v) => total + (Number.isFinite(v) ? v : 0), 0);
}

/** `with / without`, or null when the baseline is zero or missing. */
export function ratio(withValue, withoutValue) {
  if (withValue == null || withoutValue == null || withoutValue === 0) return null;
  return withValue / withoutValue;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
