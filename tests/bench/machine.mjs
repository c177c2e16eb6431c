// What the figures were measured on: they mean little without the machine, the date and the
// browser version.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function describeMachine() {
  const chromium = process.env.WAYFINDER_CHROMIUM || '/usr/bin/chromium';
  // Debian's wrapper script may print shell noise on stderr; the version is on stdout.
  const version = (await run(chromium, ['--version']).catch((e) => ({ stdout: e.stdout ?? '' }))).stdout.trim();
  const release = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const playwright = JSON.parse(await readFile(new URL('../node_modules/playwright-core/package.json', import.meta.url), 'utf8'));
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? `${os.type()} ${os.release()}`,
    kernel: os.release(),
    chromium: version || 'unknown',
    node: process.version,
    playwrightCore: playwright.version,
  };
}
