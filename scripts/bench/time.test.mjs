// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantile, summarize } from './time.mjs';

test('a quantile is a sample: the median of an even count is the upper middle one', () => {
  assert.equal(quantile([3, 1, 2], 0.5), 2);
  assert.equal(quantile([4, 1, 3, 2], 0.5), 3);
  assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95), 10);
  assert.equal(quantile([5], 0.95), 5);
  assert.throws(() => quantile([], 0.5), /no samples/);
});

test('the figures of a run, ours and intl-tel-input’s side by side', () => {
  const samples = {
    firstRender: [1, 2, 3],
    keystroke: [16, 17, 18],
    keystrokeWork: [1, 1, 2],
    search: [20, 30, 40],
    searchWork: [2, 3, 4],
    iti: { init: [5, 6, 7], keystroke: [16, 16, 33], keystrokeWork: [0.5, 0.5, 1], search: [100], searchWork: [9] },
  };
  const times = summarize(samples, 2048, '29.5.1');
  assert.deepEqual(times.firstRenderMs, { median: 2, p95: 3 });
  assert.deepEqual(times.keystrokeMs, { workMedian: 1, workP95: 2, paintedMedian: 17, paintedP95: 18, samples: 3 });
  assert.deepEqual(times.countrySearchMs, { workMedian: 3, workP95: 4, paintedMedian: 30 });
  assert.equal(times.heapGrowthBytes, 2048);
  assert.equal(times.intlTelInput.version, '29.5.1');
  assert.deepEqual(times.intlTelInput.countrySearchMs, { workMedian: 9, workP95: 9, paintedMedian: 100 });
});
