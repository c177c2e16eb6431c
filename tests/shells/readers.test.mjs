// Why this file exists: unit tests of the content script's sync readers
// (extension/content/readers.js) on static portal-like pages in jsdom: the incident queue read by
// its header texts, its bounds (500 rows, keys of at most 64 characters, no empty keys), and what
// a reader reads of an element (its link, its text, a neighbour's text), clipped to 256
// characters. Run by `cargo xtask test` (`node --test shells/` in tests/).
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { clip, readRows, readValue } from '../../extension/content/readers.js';
import { AZURE, DEFENDER, byId, loadPage } from './dom.mjs';

// The catalog's queues (crates/core/catalog/sync.json).
const DEFENDER_QUEUE = {
  rows: '[role="grid"] .ms-DetailsRow',
  headers: '.ms-DetailsHeader-cellName',
  cells: '[data-automationid="DetailsRowCell"]',
  key: 'Incident Id',
  badgeIn: 'Incident name',
  columns: [{ id: 'workspace', header: 'Workspaces' }],
};
const AZURE_QUEUE = {
  rows: '.fxc-gc-row',
  headers: '.fxc-gc-columnheader-content',
  cells: '[id^="fxc-gc-cell-content"]',
  key: 'Incident number',
  badgeIn: 'Title',
  columns: [{ id: 'alerts', header: 'Alerts' }],
};

describe('readRows', () => {
  test('maps the columns by their header text', () => {
    loadPage('azure-incident-blade.html', AZURE);
    const rows = readRows({ ...AZURE_QUEUE, columns: [...AZURE_QUEUE.columns, { id: 'state', header: 'Status' }] });
    assert.deepEqual(
      rows.map(({ key, values }) => ({ key, values })),
      [
        { key: '1042', values: { alerts: '5', state: 'Active' } },
        { key: '1043', values: { alerts: '1', state: 'New' } },
      ],
    );
    assert.equal(rows[0].cell, byId('fxc-gc-cell-content_0_2'));
    assert.equal(rows[1].cell, byId('fxc-gc-cell-content_1_2'));
  });

  test('follows the headers when the portal orders its columns differently', () => {
    loadPage('azure-incident-blade.html', AZURE);
    // Swap the first two columns: headers and cells alike, as the grid renders a reorder.
    for (const row of document.querySelectorAll('.fxc-gc-columnheaders, .fxc-gc-row')) row.firstElementChild.before(row.children[1]);
    const rows = readRows(AZURE_QUEUE);
    assert.deepEqual(
      rows.map((r) => [r.key, r.values.alerts]),
      [
        ['1042', '5'],
        ['1043', '1'],
      ],
    );
  });

  test('trims header and cell text; a row without a cell lacks that value', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const rows = readRows(DEFENDER_QUEUE);
    assert.deepEqual(
      rows.map(({ key, values }) => ({ key, values })),
      [
        { key: '1042', values: { workspace: 'sentinel-prod-weu' } },
        { key: '1043', values: { workspace: 'sentinel-dev-neu' } },
        { key: '1044', values: {} },
      ],
    );
    assert.equal(rows[2].cell, byId('row-3').querySelector('[data-automationid="DetailsRowCell"]'));
  });

  test('skips rows with an empty key or a key longer than 64 characters', () => {
    loadPage('defender-incidents.html', DEFENDER);
    const keys = readRows(DEFENDER_QUEUE).map((r) => r.key);
    assert.ok(!keys.includes(''));
    assert.deepEqual(keys, ['1042', '1043', '1044']);
    // 64 characters is still a key.
    byId('row-oversized').children[1].textContent = 'k'.repeat(64);
    assert.deepEqual(
      readRows(DEFENDER_QUEUE).map((r) => r.key),
      ['1042', '1043', 'k'.repeat(64), '1044'],
    );
    byId('row-oversized').children[1].textContent = 'k'.repeat(65);
    assert.deepEqual(
      readRows(DEFENDER_QUEUE).map((r) => r.key),
      ['1042', '1043', '1044'],
    );
  });

  test('reads at most 500 rows', () => {
    loadPage('azure-incident-blade.html', AZURE);
    const grid = document.querySelector('.fxc-gc');
    const template = byId('arow-2');
    for (let n = 0; n < 600; n += 1) {
      const row = /** @type {Element} */ (template.cloneNode(true));
      row.querySelectorAll('[id^="fxc-gc-cell-content"]')[1].textContent = String(2000 + n);
      grid.append(row);
    }
    const rows = readRows(AZURE_QUEUE);
    assert.equal(rows.length, 500);
    assert.deepEqual(
      rows.slice(0, 3).map((r) => r.key),
      ['1042', '1043', '2000'],
    );
    assert.equal(rows[499].key, '2497');
  });

  test('no key column: no rows; no badge or value column: no cell or value', () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.deepEqual(readRows({ ...AZURE_QUEUE, key: 'Incident Id' }), []);
    // The Defender queue's selectors on the Azure page find no headers at all.
    assert.deepEqual(readRows(DEFENDER_QUEUE), []);
    const rows = readRows({ ...AZURE_QUEUE, badgeIn: 'Owner', columns: [{ id: 'owner', header: 'Owner' }] });
    assert.deepEqual(
      rows.map(({ key, values, cell }) => ({ key, values, cell })),
      [
        { key: '1042', values: {}, cell: null },
        { key: '1043', values: {}, cell: null },
      ],
    );
  });
});

describe('readValue', () => {
  test('href: the absolute address of a link; nothing for an element without one', () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(readValue(byId('defender-link'), 'href'), 'https://security.microsoft.com/incidents/1042?tid=0f9e1d2c');
    assert.equal(readValue(byId('anchor-without-href'), 'href'), '');
    assert.equal(readValue(byId('blade-title'), 'href'), '');
    loadPage('defender-incidents.html', DEFENDER);
    assert.equal(readValue(byId('nav-hunting'), 'href'), 'https://security.microsoft.com/v2/advanced-hunting?tid=0f9e1d2c');
  });

  test("next-text: the next element's trimmed text", () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(readValue(byId('last-update-label'), 'next-text'), '11/22/2026, 9:14:03 AM');
    assert.equal(readValue(byId('alerts-count'), 'next-text'), 'Alerts');
    // The last element of its parent has no next one.
    assert.equal(readValue(byId('alerts-label'), 'next-text'), '');
  });

  test("previous-text: the previous element's trimmed text", () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(readValue(byId('alerts-label'), 'previous-text'), '5');
    assert.equal(readValue(byId('bookmarks-label'), 'previous-text'), '0');
    assert.equal(readValue(byId('alerts-count'), 'previous-text'), '');
  });

  test('text, and any other reading: its own trimmed text', () => {
    loadPage('azure-incident-blade.html', AZURE);
    assert.equal(readValue(byId('incident-number'), 'text'), 'Incident number 1042');
    assert.equal(readValue(byId('description'), 'text'), '');
    assert.equal(readValue(byId('incident-number'), 'aria-label'), 'Incident number 1042');
  });

  test('values are cut to 256 characters', () => {
    loadPage('azure-incident-blade.html', AZURE);
    const long = 'A'.repeat(250) + 'BCDEFGHIJK';
    byId('description').textContent = `  ${long}  `;
    assert.equal(readValue(byId('description'), 'text'), long.slice(0, 256));
    assert.equal(readValue(byId('description'), 'text').length, 256);
    byId('last-update-value').textContent = long;
    assert.equal(readValue(byId('last-update-label'), 'next-text'), long.slice(0, 256));
  });
});

describe('clip', () => {
  test('trims, cuts to 256 characters, and reads null as empty', () => {
    assert.equal(clip('  Active \n'), 'Active');
    assert.equal(clip('x'.repeat(256)), 'x'.repeat(256));
    assert.equal(clip(' ' + 'y'.repeat(300)), 'y'.repeat(256));
    assert.equal(clip(null), '');
    assert.equal(clip(undefined), '');
    assert.equal(clip(''), '');
  });
});
