import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readBounded } from './bounded-read.js';

/** A stream of `chunks`, then open or closed, telling whether it was cancelled. */
function streamOf(chunks: string[], { close = true } = {}) {
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (close) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('readBounded', () => {
  it('reads every chunk up to the limit, into one array', async () => {
    const { stream } = streamOf(['abc', 'def']);
    assert.equal(new TextDecoder().decode(await readBounded(stream, 6)), 'abcdef');
  });

  it('answers undefined past the limit, and cancels the rest', async () => {
    const { stream, state } = streamOf(['abc', 'def', 'ghi'], { close: false });
    assert.equal(await readBounded(stream, 5), undefined);
    assert.equal(state.cancelled, true);
  });

  it('rejects as the deadline does, and cancels the stream', async () => {
    const { stream, state } = streamOf(['abc'], { close: false });
    const late = Promise.reject<never>(new Error('too late'));
    await assert.rejects(readBounded(stream, 10, late), /too late/);
    assert.equal(state.cancelled, true);
  });

  it('rejects with the error of a read that fails', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('broken');
      },
    });
    await assert.rejects(readBounded(stream, 10), /broken/);
  });
});
