import { IntentLock } from './intent-lock.js';
import { aTimeout, expect } from '../../test/helpers.js';
import { testHost } from '../../test/host.js';

describe('IntentLock', () => {
  it('lets one intent through until it is released', () => {
    const lock = new IntentLock<string>();
    expect(lock.take('+31612345678')).to.equal(true);
    expect(lock.take('+31612345678')).to.equal(false);
    expect(lock.take('+32470123456')).to.equal(false);
    expect(lock.current).to.equal('+31612345678');
    lock.release();
    expect(lock.current).to.equal(undefined);
    expect(lock.take('+32470123456')).to.equal(true);
  });

  it('releases itself after its timeout, for a host that never answers', async () => {
    const lock = new IntentLock<boolean>({ timeout: 20 });
    lock.take(true);
    await aTimeout(5);
    expect(lock.take(true)).to.equal(false);
    await aTimeout(40);
    expect(lock.take(true)).to.equal(true);
  });

  it('keeps the full timeout for an intent taken after an earlier one was released', async () => {
    const lock = new IntentLock<number>({ timeout: 60 });
    lock.take(1);
    await aTimeout(40);
    lock.release();
    lock.take(2);
    await aTimeout(40);
    expect(lock.current, 'released by the first timer').to.equal(2);
  });

  it('re-renders its host when taken and released, so the intent under way can be shown', async () => {
    const host = await testHost();
    const lock = new IntentLock<string>({ host });
    const before = host.updates;
    lock.take('voice');
    await host.updateComplete;
    expect(host.updates).to.equal(before + 1);
    lock.release();
    await host.updateComplete;
    expect(host.updates).to.equal(before + 2);
    lock.release();
    await host.updateComplete;
    expect(host.updates, 'nothing to release').to.equal(before + 2);
  });
});
