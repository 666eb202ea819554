// The Security info page's controllers on their own, each in a bare host with a backend the test controls: the
// adapter call, loading the list, the changes, and the numbers' format.
import type { Registrations, SecurityInfoAdapter } from '@security-info/core';
import { callAdapter, type CallFailure } from './call.js';
import { MethodsLoader } from './methods-loader.js';
import { ModalController } from './modal.js';
import { DEFAULT_ROW, OperationsController, type Operation } from './operations.js';
import { PhoneNumbersController } from './phone-numbers.js';
import type { PhoneFormat } from './phone-format.js';
import { expect, waitUntil } from '../../test/helpers.js';
import { testHost, type TestHost } from '../../test/host.js';
import { WORK_PHONE, backend } from '../../test/methods.js';

/** A promise the test settles, and the signal of the call it answers. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const empty: Registrations = { methods: [], defaultMethodId: null };

describe('callAdapter', () => {
  it('fails as timed out after its time-out, aborting the call', async () => {
    let signal: AbortSignal | undefined;
    const call = callAdapter((given) => ((signal = given), new Promise(() => undefined)), new AbortController(), 20);
    const failure = (await call.catch((caught: unknown) => caught)) as CallFailure;
    expect(failure.context.timedOut).to.equal(true);
    expect(signal!.aborted).to.equal(true);
  });

  it('settles when its controller aborts, even with an adapter that ignores the signal', async () => {
    const controller = new AbortController();
    const call = callAdapter(() => new Promise(() => undefined), controller, 10_000);
    controller.abort(new DOMException('Left.', 'AbortError'));
    const reason = await call.catch((caught: unknown) => caught);
    expect((reason as DOMException).name).to.equal('AbortError');
  });

  it('passes on what the adapter threw, with whether the device was offline', async () => {
    const thrown = new TypeError('Failed to fetch');
    const failure = (await callAdapter(() => Promise.reject(thrown), new AbortController(), 1000).catch(
      (caught: unknown) => caught,
    )) as CallFailure;
    expect(failure.error).to.equal(thrown);
    expect(failure.context).to.deep.equal({ timedOut: false, offline: false });
  });
});

describe('MethodsLoader', () => {
  let host: TestHost;
  beforeEach(async () => (host = await testHost()));

  function loader(adapter: SecurityInfoAdapter | undefined, timeout = 1000) {
    const loaded: Registrations[] = [];
    const controller = new MethodsLoader(host, {
      adapter: () => adapter,
      timeout: () => timeout,
      loaded: (registrations) => loaded.push(registrations),
    });
    return { controller, loaded };
  }

  it('asks for the registrations, checks them, and reports them', async () => {
    const { controller, loaded } = loader(backend([WORK_PHONE]));
    controller.load();
    expect(controller.status).to.equal('loading');
    await waitUntil(() => controller.status === 'ready');
    expect(loaded).to.have.length(1);
    expect(controller.registrations!.methods.map((method) => method.id)).to.deep.equal(['work-phone']);
  });

  it('drops the answer to a load asked for again meanwhile', async () => {
    const answers = [deferred<Registrations>(), deferred<Registrations>()];
    let asked = 0;
    const { controller, loaded } = loader({ ...backend(), listMethods: () => answers[asked++]!.promise });
    controller.load();
    controller.load();
    answers[1]!.resolve(empty);
    await waitUntil(() => controller.status === 'ready');
    answers[0]!.resolve({ methods: [], defaultMethodId: null });
    await new Promise((resolve) => setTimeout(resolve));
    expect(loaded).to.have.length(1);
  });

  it('fails with the time-out’s code, and with unknown for an adapter without listMethods', async () => {
    const slow = loader({ ...backend(), listMethods: () => new Promise(() => undefined) }, 20).controller;
    slow.load();
    await waitUntil(() => slow.status === 'failed');
    expect(slow.error).to.equal('timeout');
    const { listMethods: _none, ...without } = backend();
    const none = loader(without).controller;
    none.load();
    await waitUntil(() => none.status === 'failed');
    expect(none.error).to.equal('unknown');
  });

  it('asks again once the browser is back online after a network failure', async () => {
    const adapter = backend();
    adapter.injectFault('listMethods', 'network');
    const { controller } = loader(adapter);
    controller.load();
    await waitUntil(() => controller.status === 'failed');
    expect(controller.error).to.equal('network');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => controller.status === 'ready');
  });

  it('aborts the load in flight when its host leaves the page, and asks again when it comes back', async () => {
    const signals: AbortSignal[] = [];
    const adapter = {
      ...backend(),
      listMethods: ({ signal }: { signal: AbortSignal }) => (signals.push(signal), Promise.resolve(empty)),
    };
    const { controller } = loader(adapter);
    controller.load();
    const parent = host.parentNode!;
    host.remove();
    expect(signals[0]!.aborted).to.equal(true);
    parent.append(host);
    await waitUntil(() => controller.status === 'ready');
    expect(signals).to.have.length(2);
  });
});

describe('OperationsController', () => {
  let host: TestHost;
  beforeEach(async () => (host = await testHost()));

  function operations(adapter: SecurityInfoAdapter) {
    const done: [Operation, string][] = [];
    let stale = 0;
    const controller = new OperationsController(host, {
      adapter: () => adapter,
      timeout: () => 1000,
      done: (operation, id) => done.push([operation, id]),
      stale: () => stale++,
    });
    return { controller, done, stale: () => stale };
  }

  it('makes one change at a time: another asked for meanwhile is not made', async () => {
    const adapter = backend(undefined, { latency: 30 });
    const { controller, done } = operations(adapter);
    controller.run('remove', 'work-phone');
    controller.run('default', 'app');
    expect(controller.busy).to.equal(true);
    expect(controller.row('work-phone')).to.deep.equal({ state: 'pending' });
    await waitUntil(() => !controller.busy);
    expect(done).to.deep.equal([['remove', 'work-phone']]);
    expect(adapter.calls.setDefaultMethod).to.equal(0);
  });

  it('keeps a failure at its row until the person starts that change again', async () => {
    const adapter = backend();
    adapter.injectFault('setDefaultMethod', { code: 'rate-limited', retryAfterSeconds: 30 });
    const { controller } = operations(adapter);
    controller.run('default', 'app');
    await waitUntil(() => controller.row(DEFAULT_ROW)?.state === 'failed');
    expect(controller.row(DEFAULT_ROW)).to.deep.equal({ state: 'failed', code: 'rate-limited', retryAfterSeconds: 30 });
    controller.forget(DEFAULT_ROW);
    expect(controller.row(DEFAULT_ROW)).to.equal(undefined);
  });

  it('reports a refusal that shows the list out of date', async () => {
    const adapter = backend();
    adapter.injectFault('removeMethod', 'method-required');
    const { controller, stale } = operations(adapter);
    controller.run('remove', 'app');
    await waitUntil(() => stale() === 1);
    expect(controller.row('app')).to.include({ state: 'failed', code: 'method-required' });
  });

  it('aborts the change in flight when its host leaves the page; its late answer changes nothing', async () => {
    const answer = deferred<void>();
    let signal: AbortSignal | undefined;
    const { controller, done } = operations({
      ...backend(),
      removeMethod: (_request, options) => ((signal = options.signal), answer.promise),
    });
    controller.run('remove', 'app');
    host.remove();
    expect(signal!.aborted).to.equal(true);
    answer.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    expect(done).to.deep.equal([]);
    expect(controller.busy).to.equal(false);
  });
});

describe('PhoneNumbersController', () => {
  let host: TestHost;
  beforeEach(async () => (host = await testHost()));

  const format: PhoneFormat = {
    mask: (e164) => `masked ${e164.slice(-2)}`,
    full: (e164) => `full ${e164}`,
    region: () => 'NL',
  };

  it('has no text for a number until its format is here, then masks it', async () => {
    const load = deferred<PhoneFormat>();
    const numbers = new PhoneNumbersController(host, () => load.promise);
    numbers.need(['+31612345678']);
    expect(numbers.masked('+31612345678')).to.equal(undefined);
    load.resolve(format);
    await waitUntil(() => numbers.masked('+31612345678') === 'masked 78');
    expect(numbers.full('+31612345678')).to.equal('full +31612345678');
    expect(numbers.formatOf('+31612345678')?.region('+31612345678')).to.equal('NL');
  });

  it('shows the last digits when the format cannot load, and tries again once back online', async () => {
    let fail = true;
    const asked: string[][] = [];
    const numbers = new PhoneNumbersController(host, (wanted) => {
      asked.push([...wanted]);
      return fail ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(format);
    });
    numbers.need(['+31612345678']);
    await waitUntil(() => numbers.masked('+31612345678') === '•••• 5678');
    expect(numbers.full('+31612345678')).to.equal('+31612345678');
    fail = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => numbers.masked('+31612345678') === 'masked 78');
    expect(asked).to.have.length(2);
  });

  it('loads nothing for numbers it has the format of already', async () => {
    let loads = 0;
    const numbers = new PhoneNumbersController(host, () => (loads++, Promise.resolve(format)));
    numbers.need(['+31612345678']);
    await waitUntil(() => numbers.masked('+31612345678'));
    numbers.need(['+31612345678']);
    expect(loads).to.equal(1);
  });
});

describe('ModalController', () => {
  /**
   * A host holding a button for each focus key, and `refocus` through its modal controller: it answers the key of
   * the button that has focus once the controller has moved it.
   */
  async function withButtons(keys: string[]) {
    const host = await testHost();
    const modal = new ModalController<string>(host);
    for (const key of keys) {
      const button = document.createElement('button');
      button.dataset['focus'] = key;
      button.textContent = key;
      host.renderRoot.append(button);
    }
    return async (key: string) => {
      modal.refocus(key);
      await host.updateComplete;
      return host.shadowRoot!.activeElement?.textContent;
    };
  }

  it('gives focus to the first action of a row by its id, not to a row whose id only ends the same', async () => {
    const refocus = await withButtons(['change:tenant:7', 'delete:tenant:7', 'rename:7', 'delete:7']);
    expect(await refocus('*:7')).to.equal('rename:7');
    expect(await refocus('*:tenant:7')).to.equal('change:tenant:7');
    expect(await refocus('delete:7')).to.equal('delete:7');
  });

  it('gives focus to the row of a method whose id is one of the page’s own keys, not to that control', async () => {
    // An id may be any of RFC 3986's unreserved characters: "add" and "default" are ids a backend may give.
    const refocus = await withButtons(['default', 'add', 'change:add', 'change:default']);
    expect(await refocus('*:add')).to.equal('change:add');
    expect(await refocus('*:default')).to.equal('change:default');
  });
});
