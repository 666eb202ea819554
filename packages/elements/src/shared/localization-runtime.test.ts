// The localization runtime's own message lookup and language switching, against locale modules of the test's own:
// `install` is a fake here, so the page's `@lit/localize` stays unconfigured.
import { str, type LocaleModule } from '@lit/localize';
import type { MsgFn } from '@lit/localize/internal/types.js';
import { configure, withFeatures, type MessageLoaders } from './localization-runtime.js';
import { expect } from '../../test/helpers.js';

/** A translated `str` template, as the generated locale modules write one: its values are the English one's indices. */
const translated = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

const german: LocaleModule = {
  templates: {
    greeting: 'Hallo',
    // A translation that puts the values the other way round.
    'sent-to': translated`An ${1} um ${0} gesendet`,
  },
};

interface Loading {
  promise: Promise<LocaleModule>;
  resolve(module: LocaleModule): void;
  reject(error: Error): void;
}
function loading(): Loading {
  let resolve!: Loading['resolve'];
  let reject!: Loading['reject'];
  const promise = new Promise<LocaleModule>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/** A runtime with German and French modules the test settles, and what it installed and told. */
function runtime() {
  let lookup!: MsgFn;
  const asked: Record<string, Loading[]> = { de: [], fr: [] };
  const load = (locale: string) => () => {
    const next = loading();
    asked[locale]!.push(next);
    return next.promise;
  };
  const controls = configure([], 'en', (impl) => (lookup = impl), { de: load('de'), fr: load('fr') });
  const told: string[] = [];
  const listener = (event: Event) => {
    const { detail } = event as CustomEvent<Record<string, string>>;
    told.push(`${detail.status} ${detail.loadingLocale ?? detail.readyLocale ?? detail.errorLocale}`);
  };
  addEventListener('lit-localize-status', listener);
  const stop = () => removeEventListener('lit-localize-status', listener);
  return { controls, asked, told, stop, msg: (...args: Parameters<MsgFn>) => lookup(...args) };
}

describe('the localization runtime', () => {
  it('looks messages up by id, with the values where the translation puts them, English otherwise', async () => {
    const { controls, asked, msg, stop } = runtime();
    const sent = (time: string, number: string) => str`Sent to ${number} at ${time}`;
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hello');
    expect(msg(sent('9:00', '+31 6'), { id: 'sent-to' })).to.equal('Sent to +31 6 at 9:00');
    const switched = controls.setLocale('de');
    asked.de![0]!.resolve(german);
    await switched;
    expect(controls.getLocale()).to.equal('de');
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hallo');
    expect(msg(sent('9:00', '+31 6'), { id: 'sent-to' })).to.equal('An 9:00 um +31 6 gesendet');
    expect(msg('Not translated', { id: 'missing' }), 'a message the module lacks').to.equal('Not translated');
    expect(msg('No id'), 'a message without an id').to.equal('No id');
    stop();
  });

  it('tells of each switch, and a switch asked for while another loads replaces it: both settle with the last', async () => {
    const { controls, asked, told, stop } = runtime();
    const first = controls.setLocale('de');
    expect(controls.setLocale('de'), 'the same language again').to.equal(first);
    const second = controls.setLocale('fr');
    asked.fr![0]!.resolve({ templates: {} });
    asked.de![0]!.resolve(german); // too late: French was asked for since
    await Promise.all([first, second]);
    expect(controls.getLocale()).to.equal('fr');
    expect(told).to.deep.equal(['loading de', 'loading fr', 'ready fr']);
    await controls.setLocale('fr');
    expect(asked.fr, 'the language shown is not loaded again').to.have.length(1);
    stop();
  });

  it('keeps the language shown when a module fails, says so, and loads it anew when asked again', async () => {
    const { controls, asked, told, stop } = runtime();
    const failed = controls.setLocale('de');
    asked.de![0]!.reject(new Error('offline'));
    const error = await failed.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(String(error)).to.contain('offline');
    expect(controls.getLocale()).to.equal('en');
    expect(told).to.deep.equal(['loading de', 'error de']);
    const again = controls.setLocale('de');
    expect(asked.de).to.have.length(2);
    asked.de![1]!.resolve(german);
    await again;
    expect(controls.getLocale()).to.equal('de');
    await controls.setLocale('en');
    expect(controls.getLocale(), 'back to the source language, which loads nothing').to.equal('en');
    stop();
  });

  it('refuses a language it has no module for, and changes nothing', async () => {
    const { controls, told, stop } = runtime();
    const refused = await controls.setLocale('xx').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(refused).to.be.instanceOf(RangeError);
    expect(controls.getLocale()).to.equal('en');
    expect(told).to.deep.equal([]);
    stop();
  });

  it('merges into each load of a language what arrives while it loads, though the language loads twice at once', async () => {
    const later = (templates: Record<string, string>) => () =>
      new Promise<LocaleModule>((resolve) => setTimeout(() => resolve({ templates }), 20));
    const wizard: MessageLoaders = { de: later({ 'wizard.title': 'Sicherheitsinfo' }) };
    const page: MessageLoaders = { de: () => Promise.resolve({ templates: { 'page.title': 'Sicherheitsinfos' } }) };
    const features = [wizard];
    const first = withFeatures('de', Promise.resolve(german), features);
    await new Promise((resolve) => setTimeout(resolve));
    // While the first load merges the wizard's messages, the page's feature arrives and the language loads again.
    features.push(page);
    const second = withFeatures('de', Promise.resolve(german), features);
    const timeout = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 1000));
    for (const [which, load] of [
      ['first', first],
      ['second', second],
    ] as const) {
      const module = await Promise.race([load, timeout]);
      expect(module, `the ${which} load finished`).not.to.equal('stuck');
      expect((module as LocaleModule).templates, `the ${which} load`).to.include({
        greeting: 'Hallo',
        'wizard.title': 'Sicherheitsinfo',
        'page.title': 'Sicherheitsinfos',
      });
    }
  });
});
