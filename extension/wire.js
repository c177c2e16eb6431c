// The messages the shells send the service worker, and the replies they read, typed with the
// core's own types: crates/core/bindings/ is generated from the Rust types (ts-rs) and checked
// against them by `cargo xtask test` (crates/core/tests/ts_types.rs), and the shells' type check
// holds every call below to it. A message or reply changed on one side only fails the tests.

/** @typedef {import('../crates/core/bindings/Request').Request} Request */
/** @typedef {import('../crates/core/bindings/PlanReply').PlanReply} PlanReply */
/** @typedef {import('../crates/core/bindings/ChoiceReply').ChoiceReply} ChoiceReply */
/** @typedef {import('../crates/core/bindings/ReportReply').ReportReply} ReportReply */
/** @typedef {import('../crates/core/bindings/TabReply').TabReply} TabReply */
/** @typedef {import('../crates/core/bindings/AnchorsReply').AnchorsReply} AnchorsReply */
/** @typedef {import('../crates/core/bindings/FactsReply').FactsReply} FactsReply */
/** @typedef {import('../crates/core/bindings/PanelState').PanelState} PanelState */
/** @typedef {import('../crates/core/bindings/OverlayPlan').OverlayPlan} OverlayPlan */
/** @typedef {import('../crates/core/bindings/Health').Health} Health */
/** @typedef {import('../crates/core/bindings/PageFacts').PageFacts} PageFacts */
/** @typedef {import('../crates/core/bindings/Anchor').Anchor} PlanAnchor */
/** @typedef {import('../crates/core/bindings/Probe').Probe} Probe */
/** @typedef {import('../crates/core/bindings/Queue').Queue} Queue */

/**
 * Sends `message` to the service worker; its reply (or null when it refused the message).
 * @template R
 * @param {Request} message
 * @returns {Promise<R | null>}
 */
export const toWorker = (message) => chrome.runtime.sendMessage(message);
