// Why this file exists: the shells import the wasm-bindgen modules ('./wasm/worker.js',
// './wasm/patches.js', './wasm/overlay.js', './wasm/pages.js'), which only a build writes (dist/extension/wasm/,
// generated without TypeScript declarations). The type check of the shells
// (tsconfig.shells.json, run by `cargo xtask test`) needs a declaration of what they import; the
// Rust crates define the real signatures, so these are loose on purpose. Each module declares
// only its own exports, so a shell that imports a name from the wrong module fails the check.
// Add a name here when a module exports a new one to its shells.

/** The service worker's module (crates/worker), loaded by background.js. */
declare module '*wasm/worker.js' {
  /** Loads and instantiates the wasm module. */
  export default function init(input?: unknown): Promise<unknown>;

  /** The collection of Azure Resource Manager readings the worker drives. */
  export class ArmReading {
    constructor();
    next(): any;
    absorb(...args: any[]): void;
    settle(...args: any[]): any;
    free(): void;
  }

  export function absorbEvidence(...args: any[]): any;
  export function armIncident(...args: any[]): any;
  export function armRecord(...args: any[]): any;
  export function attend(...args: any[]): any;
  export function confirmSync(...args: any[]): any;
  export function effectiveSettings(...args: any[]): any;
  export function forgetTab(...args: any[]): any;
  export function handle(...args: any[]): any;
  export function incidentShown(...args: any[]): any;
  export function markSeen(...args: any[]): any;
  export function onboardingView(...args: any[]): any;
  export function panelPrefs(...args: any[]): any;
  export function readToken(...args: any[]): any;
  export function signInCode(...args: any[]): any;
  export function signInUrl(...args: any[]): any;
  export function tokenFresh(...args: any[]): any;
  export function tokenRequest(...args: any[]): any;
}

/**
 * The worker's probe-patch module (crates/worker with the `patch-exports` feature), which
 * background.js instantiates only while a probe patch is in force.
 */
declare module '*wasm/patches.js' {
  /** Loads and instantiates the wasm module. */
  export default function init(input?: unknown): Promise<unknown>;

  export function patchedPlan(...args: any[]): any;
}

/** The overlay panel's module (crates/ui with the `overlay` feature), loaded by overlay.js. */
declare module '*wasm/overlay.js' {
  /** Loads and instantiates the wasm module. */
  export default function init(input?: unknown): Promise<unknown>;

  export function mountOverlay(...args: any[]): any;
  export function setHealth(...args: any[]): any;
  export function setPlan(...args: any[]): any;
  export function setProblem(...args: any[]): any;
  export function setSync(...args: any[]): any;
}

/**
 * The popup's and the options page's module (crates/ui with the `pages` feature), loaded by
 * popup.js and options.js.
 */
declare module '*wasm/pages.js' {
  /** Loads and instantiates the wasm module. */
  export default function init(input?: unknown): Promise<unknown>;

  export function effectiveSettings(...args: any[]): any;
  export function mountOptions(...args: any[]): any;
  export function mountPopup(...args: any[]): any;
  export function onboardingView(...args: any[]): any;
  export function setHealth(...args: any[]): any;
  export function setPlan(...args: any[]): any;
  export function setProblem(...args: any[]): any;
  export function setStorageProblem(...args: any[]): any;
  export function setTenantView(...args: any[]): any;
}
