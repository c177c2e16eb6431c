// Why this file exists: the shells import the wasm-bindgen module ('./wasm/wayfinder.js',
// '../wasm/wayfinder.js'), which only a build writes (dist/extension/wasm/, generated without
// TypeScript declarations). The type check of the shells (tsconfig.shells.json, run by
// `cargo xtask test`) needs a declaration of what they import; the Rust core defines the real
// signatures, so these are loose on purpose. Add a name here when a shell imports a new export.
declare module '*wasm/wayfinder.js' {
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

  // Worker.
  export function absorbEvidence(...args: any[]): any;
  export function armRecord(...args: any[]): any;
  export function attend(...args: any[]): any;
  export function effectiveSettings(...args: any[]): any;
  export function handle(...args: any[]): any;
  export function markSeen(...args: any[]): any;
  export function onboardingView(...args: any[]): any;
  export function panelPrefs(...args: any[]): any;
  export function readToken(...args: any[]): any;
  export function signInCode(...args: any[]): any;
  export function signInUrl(...args: any[]): any;
  export function tokenFresh(...args: any[]): any;
  export function tokenRequest(...args: any[]): any;

  // Pages (popup, options, overlay).
  export function mountOptions(...args: any[]): any;
  export function mountOverlay(...args: any[]): any;
  export function mountPopup(...args: any[]): any;
  export function setHealth(...args: any[]): any;
  export function setPlan(...args: any[]): any;
  export function setProblem(...args: any[]): any;
  export function setSync(...args: any[]): any;
  export function setTenantView(...args: any[]): any;
}
