// Why this file exists: unit tests of the content script's scheduling (extension/content/schedule.js):
// a page pass runs in the callback that reported a change when none ran for a frame's time, and
// at most once per animation frame when changes keep coming. Plain Node: the functions use only
// `performance.now()` and `requestAnimationFrame`, which the tests provide.
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, test } from 'node:test';
import { promptly } from '../../extension/content/schedule.js';

/** @type {(() => void)[]} */
let frames = [];
beforeEach(() => {
  frames = [];
  globalThis.requestAnimationFrame = (callback) => frames.push(() => callback(performance.now())) && frames.length;
});
afterEach(() => {
  delete globalThis.requestAnimationFrame;
});

const nextFrame = () => {
  const due = frames;
  frames = [];
  for (const run of due) run();
};
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('a first change runs the task at once, in the same callback', () => {
  let runs = 0;
  const schedule = promptly(() => (runs += 1));
  schedule();
  assert.equal(runs, 1);
  assert.equal(frames.length, 0, 'no frame was asked for');
});

test('changes within a frame of the last run are folded into one run in the next frame', () => {
  let runs = 0;
  const schedule = promptly(() => (runs += 1));
  schedule();
  schedule();
  schedule();
  assert.equal(runs, 1, 'the later calls wait for the frame');
  assert.equal(frames.length, 1, 'one frame for all of them');
  nextFrame();
  assert.equal(runs, 2);
});

test('a change after a quiet frame runs at once again', async () => {
  let runs = 0;
  const schedule = promptly(() => (runs += 1));
  schedule();
  await wait(40);
  schedule();
  assert.equal(runs, 2);
  assert.equal(frames.length, 0);
});
