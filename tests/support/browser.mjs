// Shared by the end-to-end tests and the demo walk: start the demo portal, and start Debian
// Chromium with the built extension and the real portal hostnames mapped to the portal.
//
// The production extension runs unmodified: production match patterns and URLs, real
// hostnames through --host-resolver-rules, the demo's self-signed certificate accepted with
// --ignore-certificate-errors (ARCHITECTURE.md, decision 4).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run through 'cargo xtask test' or 'cargo xtask demo'`);
  return value;
}

/**
 * A copy of the built extension (`WAYFINDER_EXTENSION_DIR`) in a new temporary directory, with
 * `change(manifest, dir)` applied to its manifest before it is written back; resolves to the
 * directory, which the caller removes.
 * @param {(manifest: any, dir: string) => void | Promise<void>} change
 */
export async function copyOfBuild(change) {
  const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-ext-'));
  await cp(required('WAYFINDER_EXTENSION_DIR'), dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  await change(manifest, dir);
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return dir;
}

/** Starts the demo portal on an ephemeral loopback port; resolves to {port, hosts, stop}. */
export async function startDemoPortal() {
  const child = spawn(required('WAYFINDER_DEMO_PORTAL'), ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`demo-portal exited early (${code})`)));
  });
  const { port, hosts } = JSON.parse(first);
  return {
    port,
    hosts,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/**
 * Starts Chromium (a fresh profile) mapped to the portal. With `extension: false` it is the same
 * browser without the extension (benchmarks compare the two); `extensionDir` loads another copy
 * of the extension (the store package) instead of `WAYFINDER_EXTENSION_DIR`. `language` (`de`)
 * is the browser's UI language, which chrome.i18n follows.
 */
export async function launchChromium(portal, { extension = true, headless = true, extensionDir = null, language = null } = {}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'wayfinder-profile-'));
  const rules = portal.hosts.map((host) => `MAP ${host} 127.0.0.1:${portal.port}`).join(', ');
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
  ];
  if (extension) {
    const dir = extensionDir ?? required('WAYFINDER_EXTENSION_DIR');
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.WAYFINDER_CHROMIUM || '/usr/bin/chromium',
    headless,
    args,
    viewport: headless ? { width: 1280, height: 800 } : null,
    // On Linux Chromium's UI language follows the LANGUAGE environment variable; --lang does not
    // change it (measured here; https://github.com/duckduckgo/tracker-radar-collector/pull/27).
    // Only a language whose .pak Chromium has counts: Debian's chromium-l10n (xtask installs it).
    env: language ? { ...process.env, LANGUAGE: language } : process.env,
  });
  let worker = null;
  if (extension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  }
  // Node's URL gives 'null' as the origin of non-special schemes such as chrome-extension:.
  const extensionOrigin = worker ? `chrome-extension://${new URL(worker.url()).host}` : null;
  return {
    context,
    worker,
    extensionOrigin,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The tab id of `page`, from the extension's worker: the page is brought to the front and the
 * active tab asked for (the extension has no permission to read portal tabs' URLs).
 */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

/** The overlay iframe of a page (Playwright pierces the open shadow root). */
export function overlay(page) {
  return page.frameLocator('[data-wayfinder-host] iframe[title="SecOps Wayfinder"]');
}

/** Waits until the overlay iframe has grown taller than `minPx` (it sizes itself to its content). */
export async function waitForPanelHeight(page, minPx) {
  await page.waitForFunction((min) => {
    const f = document.querySelector('[data-wayfinder-host]')?.shadowRoot?.querySelector('iframe');
    return f && f.getBoundingClientRect().height > min;
  }, minPx);
}

/** Azure-portal Sentinel URLs of the demo's primary workspace. */
export const demo = {
  tenant: '6f3c2b1a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  subscription: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  resourceGroup: 'soc-rg',
  workspace: 'contoso-sentinel',
};
/**
 * The Azure portal's page of incident `name` in a workspace of the demo (its primary one unless
 * `workspace` says), on `host` (the Azure Government portal is `portal.azure.us`).
 */
export function azureIncidentUrl(name, { workspace = demo.workspace, host = 'portal.azure.com' } = {}) {
  return `https://${host}/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/${demo.subscription}/resourceGroups/${demo.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${workspace}/providers/Microsoft.SecurityInsights/Incidents/${name}`;
}

const argId = encodeURIComponent(
  `/subscriptions/${demo.subscription}/resourcegroups/${demo.resourceGroup}/providers/microsoft.securityinsightsarg/sentinel/${demo.workspace}`,
);
const params = `subscriptionId/${demo.subscription}/resourceGroup/${demo.resourceGroup}/workspaceName/${demo.workspace}`;

/** Every URL form of facts.md §3.2 for one Sentinel menu blade. */
export function azureBladeUrls(blade) {
  return {
    'view with encoded id': `https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/${blade}/id/${argId}`,
    'view with parameters': `https://portal.azure.com/#view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/${blade}/${params}`,
    'older blade with id': `https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/${blade}/id/${argId}`,
    'older blade with parameters': `https://portal.azure.com/#blade/Microsoft_Azure_Security_Insights/MainMenuBlade/${blade}/${params}`,
    'tenant-prefixed view': `https://portal.azure.com/#@${demo.tenant}/view/Microsoft_Azure_Security_Insights/MainMenuBlade/~/${blade}/id/${argId}`,
  };
}
