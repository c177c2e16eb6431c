// Why this file exists: the view reports in tests/fixtures/views/ are regression tests of the
// catalog's probes on portal markup that the demo portal did not write together with them (and
// on the demo's own pages). Each report is checked for its format and for holding nothing a
// report must not hold, its view is rebuilt in jsdom, and the catalog's probes of its page run
// on it with the content script's probe engine; what each report expects must come true. The
// format and how to add a report: docs/view-reports.md. Run by `cargo xtask test`
// (`node --test shells/` in tests/).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FORMAT, loadCatalog, replay, reportProblems } from './view-report.mjs';

const VIEWS = new URL('../fixtures/views/', import.meta.url);
const catalog = loadCatalog();
const reports = readdirSync(VIEWS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, report: JSON.parse(readFileSync(new URL(name, VIEWS), 'utf8')) }));

describe('view reports', () => {
  for (const { name, report } of reports) {
    test(name, () => {
      assert.deepEqual(reportProblems(report, catalog), [], 'the report has the format and holds nothing it must not');
      const found = replay(report, catalog);
      for (const [id, want] of Object.entries(report.expect)) {
        const got = found[id];
        const said = `${id}: found ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
        if (want === false) assert.equal(got, null, said);
        else if (want === true) assert.notEqual(got, null, said);
        else assert.equal(got && got.by, want, said);
      }
    });
  }

  test('the corpus: demo pages, and variants of each kind that tolerant tiers anchor', () => {
    assert.ok(reports.length >= 12, `${reports.length} reports`);
    const expected = reports.flatMap(({ report }) => Object.values(report.expect));
    for (const kind of ['selector', 'text', 'label', 'aria-label', 'role']) assert.ok(expected.includes(kind), `a report expects a find by ${kind}`);
    assert.ok(expected.includes(false), 'a report expects a control that is gone to be missing');
    const demo = reports.filter(({ report }) => report.browser.includes('transcribed from the demo portal'));
    assert.ok(demo.length >= 6 && reports.length - demo.length >= 6, `${demo.length} demo reports`);
  });
});

describe('what a report must not hold', () => {
  const base = () => ({
    format: FORMAT,
    catalog: catalog.released,
    browser: 'hand-written',
    portal: 'azure',
    page: 'incident-page',
    frame: 'top',
    lang: 'en-US',
    origin: 'https://portal.azure.com',
    about: 'a test of the checks',
    expect: { 'incident-tasks': true },
    view: /** @type {any[]} */ (['body', {}, ['button', {}, 'Tasks']]),
  });

  test('a well-formed report passes', () => {
    assert.deepEqual(reportProblems(base(), catalog), []);
    assert.deepEqual(replay(/** @type {any} */ (base()), catalog)['incident-tasks'], { tier: 1, by: 'text' });
  });

  test('each thing it must not hold is named', () => {
    for (const [view, says] of [
      [['body', {}, 'Tasks for Megan'], '"megan", a word no probe looks for'],
      [['body', {}, 'Incident 2f1c3a4b-1111-4c2d-8e9f-0123456789ab'], 'holds a GUID'],
      [['body', { title: 'megan@contoso.com' }], 'holds an e-mail address'],
      [['body', {}, ['a', { href: '/incidents?tid=contoso' }]], 'a link keeps its path only'],
      [['body', {}, ['a', { href: 'https://security.microsoft.com/' }]], 'a link keeps its path only'],
      [['body', { 'data-state': 'eyJhbGciOiJIUzI1NiJ9abcdefghijklmnop123456' }], 'a report does not keep this attribute'],
      [['body', { class: 'eyJhbGciOiJIUzI1NiJ9abcdefghijklmnop123456' }], 'holds a token'],
      [['body', {}, 'Alerts 10.0.0.12'], 'digits that are not a count'],
      [['body', {}, 'Alerts {x}'], 'a brace that is not a length'],
      [['body', {}, 17], 'a child is text or an element'],
    ]) {
      const problems = reportProblems({ ...base(), view }, catalog);
      assert.ok(problems.some((p) => p.includes(/** @type {string} */ (says))), `${JSON.stringify(view)}: ${problems.join('; ')}`);
    }
  });

  test('counts and lengths are kept', () => {
    for (const text of ['Tasks (3)', 'Alerts [150+]', 'Automation rules 4', '{5} {12}', '42']) {
      assert.deepEqual(reportProblems({ ...base(), view: ['body', {}, text] }, catalog), [], text);
    }
  });

  test('the page and its expectations must be the catalog’s', () => {
    const problems = reportProblems({ ...base(), page: 'hunting', expect: { 'incident-tasks': 'xpath' }, extra: 1 }, catalog);
    for (const says of ['unknown field "extra"', 'no notice of the catalog is on azure page "hunting"', '"incident-tasks" is not a notice of this page', 'true, false or a tier kind']) {
      assert.ok(problems.some((p) => p.includes(says)), `${says}: ${problems.join('; ')}`);
    }
  });
});
