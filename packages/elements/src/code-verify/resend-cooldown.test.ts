import { html as litHtml, LitElement, type PropertyValues } from 'lit';
import { cooldownKey, ResendCooldownController, type CooldownStorage } from './resend-cooldown.js';
import { defineElement } from '../shared/define.js';
import { expect, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';

/** Storage in memory, which can be made to refuse writes the way a full or blocked `sessionStorage` does. */
class MemoryStorage implements CooldownStorage {
  readonly items = new Map<string, string>();
  refuse = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A Resend button that waits for the cooldown of `destination`, and a log of what the cooldown said. */
class TestCooldown extends LitElement {
  static override properties = { destination: {} };
  declare destination: string;
  storage: CooldownStorage = new MemoryStorage();
  /** Reading the storage throws, as `sessionStorage` does where a page may not use it. */
  blocked = false;
  readonly said: string[] = [];
  readonly cooldown = new ResendCooldownController(this, {
    started: (seconds) => this.said.push(`wait ${seconds}`),
    ended: () => this.said.push('ready'),
    storage: () => {
      if (this.blocked) throw new DOMException('Storage is disabled.', 'SecurityError');
      return this.storage;
    },
  });

  constructor() {
    super();
    this.destination = '+31612345678';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('destination')) this.cooldown.restore(this.destination);
  }

  override render() {
    const wait = this.cooldown.remaining;
    return litHtml`<button aria-disabled=${wait ? 'true' : 'false'}>Resend code</button>
      <p>${wait ? `Wait ${wait} s` : 'You can ask for a new code.'}</p>`;
  }
}
defineElement('test-cooldown', TestCooldown);

declare global {
  interface HTMLElementTagNameMap {
    'test-cooldown': TestCooldown;
  }
}

async function cooldownFor(destination: string, storage: CooldownStorage = new MemoryStorage()) {
  const el = document.createElement('test-cooldown');
  el.destination = destination;
  el.storage = storage;
  await fixture(html`${el}`);
  return el;
}

const shown = (el: TestCooldown) => el.shadowRoot!.querySelector('p')!.textContent!.trim();
const resendWaits = (el: TestCooldown) =>
  getByRole(el, 'button', { name: 'Resend code' }).getAttribute('aria-disabled') === 'true';

describe('ResendCooldownController', () => {
  it('makes a new code wait, in whole seconds, and says when the wait began', async () => {
    const el = await cooldownFor('+31612345678');
    el.cooldown.start(30);
    await el.updateComplete;
    expect(resendWaits(el)).to.equal(true);
    expect(shown(el)).to.equal('Wait 30 s');
    expect(el.said).to.deep.equal(['wait 30']);
  });

  it('remembers when the wait ends under a hash of the number, never the number itself', async () => {
    const storage = new MemoryStorage();
    const el = await cooldownFor('+31612345678', storage);
    el.cooldown.start(60);
    const [key, end] = [...storage.items][0]!;
    expect(key).to.equal(cooldownKey('+31612345678'));
    expect(key).to.match(/^security-info:resend:[0-9a-z]+$/);
    expect(key).not.to.contain('612345678');
    expect(Number(end) - Date.now()).to.be.within(59_000, 60_000);
  });

  it('goes on with a remembered wait after a reload, without saying again that it began', async () => {
    const storage = new MemoryStorage();
    (await cooldownFor('+31612345678', storage)).cooldown.start(60);
    const reloaded = await cooldownFor('+31612345678', storage);
    expect(resendWaits(reloaded)).to.equal(true);
    expect(shown(reloaded)).to.match(/^Wait (60|59) s$/);
    expect(reloaded.said).to.deep.equal([]);
  });

  it('does not make another number wait', async () => {
    const storage = new MemoryStorage();
    (await cooldownFor('+31612345678', storage)).cooldown.start(60);
    const other = await cooldownFor('+447400123456', storage);
    expect(resendWaits(other)).to.equal(false);
  });

  it('ignores and tidies a remembered end that is past, or too far off to be ours', async () => {
    const storage = new MemoryStorage();
    storage.setItem(cooldownKey('+31612345678'), String(Date.now() - 1000));
    storage.setItem(cooldownKey('+447400123456'), String(Date.now() + 2 * 24 * 60 * 60 * 1000));
    expect(resendWaits(await cooldownFor('+31612345678', storage))).to.equal(false);
    expect(resendWaits(await cooldownFor('+447400123456', storage))).to.equal(false);
    expect(storage.items.size).to.equal(0);
  });

  it('ends a wait when given 0: says so and forgets it', async () => {
    const storage = new MemoryStorage();
    const el = await cooldownFor('+31612345678', storage);
    el.cooldown.start(30);
    el.cooldown.start(0);
    await el.updateComplete;
    expect(resendWaits(el)).to.equal(false);
    expect(el.said).to.deep.equal(['wait 30', 'ready']);
    expect(storage.items.size).to.equal(0);
  });

  it('says nothing when 0 ends no wait', async () => {
    const el = await cooldownFor('+31612345678');
    el.cooldown.start(0);
    expect(el.said).to.deep.equal([]);
  });

  it('waits at most a day, whatever it is told', async () => {
    const el = await cooldownFor('+31612345678');
    el.cooldown.start(10 * 24 * 60 * 60);
    expect(el.cooldown.remaining).to.equal(24 * 60 * 60);
  });

  it('says when the wait is over, once', async () => {
    const el = await cooldownFor('+31612345678');
    el.cooldown.start(1);
    await waitUntil(() => el.said.includes('ready'), 'the wait never ended', { timeout: 5000 });
    await el.updateComplete;
    expect(el.said).to.deep.equal(['wait 1', 'ready']);
    expect(shown(el)).to.equal('You can ask for a new code.');
    expect(resendWaits(el)).to.equal(false);
  });

  it('still makes a new code wait on this page when storage is full or blocked', async () => {
    const full = new MemoryStorage();
    full.refuse = true;
    const el = await cooldownFor('+31612345678', full);
    el.cooldown.start(30);
    await el.updateComplete;
    expect(resendWaits(el)).to.equal(true);
    const blocked = await cooldownFor('+31612345678');
    blocked.blocked = true;
    blocked.cooldown.start(30);
    await blocked.updateComplete;
    expect(resendWaits(blocked)).to.equal(true);
  });
});
