// Why this file exists: unit tests of the walk behind the popup's view reports
// (extension/view-walk.js) on a page in jsdom: document order with depths, attributes as name and
// value in turn, no scripts or styles, none of our own hosts and marks, an svg without its
// drawing, and the element limit. What a report keeps of the walk is the core's (its unit tests
// and e2e `view-report`).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { walkView } from '../../extension/view-walk.js';
import { DEFENDER, loadHtml } from './dom.mjs';

test('the walk lists the body in document order, with depths and attributes', () => {
  loadHtml(
    `<!doctype html><html lang="en"><body>
      <main id="app"><button data-testid="run" aria-label="Run query">Run</button>
        <svg class="icon"><path d="M0 0"></path></svg>
        <script>var secret = 1;</script><style>p {}</style>
        <span data-wayfinder-kind="notice">ours</span>
      </main>
      <p>Incident <b>3421</b></p></body></html>`,
    DEFENDER,
  );
  const view = walkView();
  assert.deepEqual(view.records, [
    { d: 0, tag: 'main', attrs: ['id', 'app'] },
    { d: 1, tag: 'button', attrs: ['data-testid', 'run', 'aria-label', 'Run query'] },
    { d: 2, text: 'Run' },
    { d: 1, tag: 'svg', attrs: ['class', 'icon'] },
    { d: 0, tag: 'p', attrs: [] },
    { d: 1, text: 'Incident ' },
    { d: 1, tag: 'b', attrs: [] },
    { d: 2, text: '3421' },
  ]);
  assert.equal(view.truncated, false);
  assert.equal(view.lang, 'en');
  assert.equal(view.origin, 'https://security.microsoft.com');
});

test('the walk stops at 20,000 elements and says so', () => {
  loadHtml(`<!doctype html><html><body>${'<i></i>'.repeat(20_050)}</body></html>`, DEFENDER);
  const view = walkView();
  assert.equal(view.records.length, 20_000);
  assert.equal(view.truncated, true);
});
