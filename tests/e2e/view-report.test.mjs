// "Save a report of this view" in the popup's page check: the report shows what it holds before
// it is saved, the saved file holds none of the page's user content (incident titles, comments,
// authors), no GUID and no e-mail address, and it is a working fixture: the fixture runner's own
// rules accept it, and replaying the catalog's probes on it finds what the page check found.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azureBladeUrls, azureIncidentUrl, demo, tabIdOf } from '../support/browser.mjs';
import { useDemoBrowser } from '../support/fixture.mjs';
import { loadCatalog, replay, reportProblems, wordsOf } from '../shells/view-report.mjs';

const env = useDemoBrowser();
const catalog = loadCatalog();
// The page's user content, as the catalog names its containers.
const USER_CONTENT = JSON.parse(readFileSync(new URL('../../crates/core/catalog/probes.json', import.meta.url), 'utf8'))
  .user_content.map((/** @type {{css: string}} */ g) => g.css)
  .join(', ');
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const EMAIL = /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i;

const CASES = [
  {
    name: 'the Azure incident page',
    url: azureIncidentUrl('a7d3e1f2-5b6c-4d8e-9f01-23456789abcd'),
    page: 'incident-page',
    frame: 'top',
    found: 'incident-tasks',
  },
  {
    name: 'the Defender incident page',
    url: `https://security.microsoft.com/incidents/3421?tid=${demo.tenant}`,
    page: 'incident-page',
    frame: 'top',
    found: 'incident-comment-edit',
  },
  {
    name: 'the Azure Analytics blade (its blade frame)',
    url: azureBladeUrls('Analytics')['view with encoded id'],
    page: 'analytics',
    frame: 'blade',
    found: 'fusion',
  },
];

/** The document whose view the report holds: the page, or its Azure blade frame. */
function documentOf(page, frame) {
  return frame === 'top' ? page.mainFrame() : page.frames().find((f) => /\.reactblade[^.]*\.portal\.azure\.net$/.test(new URL(f.url()).hostname));
}

/** Every text of a report's view that came from the page's text: texts and text attributes. */
function textsOf(node, into = []) {
  if (typeof node === 'string') into.push(node);
  else if (Array.isArray(node)) {
    for (const child of node.slice(1)) {
      if (child && typeof child === 'object' && !Array.isArray(child)) {
        for (const [name, value] of Object.entries(child)) if (name.startsWith('aria-') || name === 'title') into.push(value);
      } else textsOf(child, into);
    }
  }
  return into;
}

describe('a view report saved from the popup', () => {
  for (const { name, url, page: pageId, frame, found } of CASES) {
    test(`of ${name} holds no user content and replays as a fixture`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'wayfinder-view-'));
      const page = await env.browser.context.newPage();
      await page.goto(url);
      const scope = frame === 'top' ? page : page.frameLocator('iframe[id^="_react_frame_"]');
      await scope.locator(`[data-wayfinder-kind="notice"][data-wayfinder-id="${found}"]`).waitFor();
      const userContent = await documentOf(page, frame).evaluate((css) => [...document.querySelectorAll(css)].map((e) => e.textContent.trim()).filter(Boolean), USER_CONTENT);
      assert.ok(userContent.length > 0, 'the page shows user content');

      const tabId = await tabIdOf(env.browser.worker, page);
      const popup = await env.browser.context.newPage();
      await popup.goto(`${env.browser.extensionOrigin}/popup.html#tab=${tabId}`);
      await popup.waitForFunction((id) => document.querySelector(`[data-wayfinder-id="${id}"][data-wayfinder-health]`)?.dataset.wayfinderHealth === 'found', found);
      await popup.getByRole('button', { name: 'Save a report of this view…' }).click();

      // What the user reads before saving.
      const review = popup.getByRole('region', { name: 'The report of this view, before you save it' });
      await review.waitFor();
      const said = await review.innerText();
      assert.match(said, /It holds \d+ elements of this view/);
      assert.match(said, /Words of the page it keeps/);
      assert.match(said, /nothing is sent/);
      const shown = await review.getByLabel("The report's contents").innerText();

      const [download] = await Promise.all([popup.waitForEvent('download'), review.getByRole('button', { name: 'Save the file' }).click()]);
      assert.match(download.suggestedFilename(), new RegExp(`^wayfinder-view-${pageId}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
      const file = path.join(dir, 'report.json');
      await download.saveAs(file);
      const text = await readFile(file, 'utf8');
      assert.equal(text, shown, 'the file is what the popup showed');
      await popup.getByText(`Saved as ${download.suggestedFilename()}.`).waitFor();
      await review.waitFor({ state: 'detached' });

      // Nothing private: no GUID or e-mail address anywhere, no word of the page's user content
      // that no probe looks for in any of its texts.
      assert.doesNotMatch(text, GUID);
      assert.doesNotMatch(text, EMAIL);
      const report = JSON.parse(text);
      assert.equal(report.frame, frame);
      assert.equal(report.page, pageId);
      const kept = new Set(textsOf(report.view).flatMap(wordsOf));
      for (const content of userContent) {
        const leaked = wordsOf(content).filter((word) => !catalog.vocabulary.has(word) && kept.has(word));
        assert.deepEqual(leaked, [], `no word of "${content}" is kept`);
        // A text made only of probe words (the Fusion rule's built-in name) is kept, as it must be.
        const own = wordsOf(content).some((word) => !catalog.vocabulary.has(word));
        if (own && content.length > 12) assert.ok(!text.includes(content), `"${content}" is not in the file`);
      }

      // A working fixture: the runner's rules accept it, and the probes find what they found.
      assert.deepEqual(reportProblems(report, catalog), []);
      assert.equal(report.expect[found], true);
      const replayed = replay(report, catalog);
      for (const [id, want] of Object.entries(report.expect)) {
        assert.equal(replayed[id] !== null, want, `replayed, ${id} is ${want ? 'found' : 'not found'}`);
        if (want) assert.deepEqual(replayed[id], report.probes[id], `${id} is found by the same tier`);
      }
      await popup.close();
      await page.close();
      await rm(dir, { recursive: true, force: true });
    });
  }
});
