import { LitElement, html as litHtml } from 'lit';
import { msg } from './lit-localize.js';
import { LocalizeController } from './localized.js';
import { addMessages } from './feature-messages.js';
import { getLocale, setLocale, type MessageLoaders } from './localization.js';
import { expect, fixture, html, waitUntil } from '../../test/helpers.js';

/** Stands for an element of a feature that loads on demand: its one message is not in any locale module. */
class FeatureGreeting extends LitElement {
  constructor() {
    super();
    new LocalizeController(this);
  }

  override render() {
    return litHtml`<p>${msg('Welcome', { id: 'feature-test.welcome', desc: 'A test message.' })}</p>`;
  }
}
customElements.define('feature-greeting', FeatureGreeting);

const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

/** A feature's messages for German and Dutch, counting what was asked for. */
function feature() {
  const asked: string[] = [];
  const loaders: MessageLoaders = {
    de: () => (asked.push('de'), Promise.resolve({ templates: { 'feature-test.welcome': 'Willkommen' } })),
    nl: () => (asked.push('nl'), Promise.resolve({ templates: { 'feature-test.welcome': 'Welkom' } })),
  };
  return { asked, loaders };
}

describe('messages of a feature that loads on demand', () => {
  afterEach(() => setLocale('en'));

  it('are loaded when the feature arrives on a page already in another language, and the element re-renders', async () => {
    await setLocale('de');
    const el = await fixture(html`<feature-greeting></feature-greeting>`);
    expect(text(el)).to.equal('Welcome');
    const { asked, loaders } = feature();
    addMessages(loaders);
    await waitUntil(() => text(el) === 'Willkommen', 'the feature’s German message never showed');
    expect(asked).to.deep.equal(['de']);
    expect(getLocale()).to.equal('de');
  });

  it('come with each later change of language, and nothing is loaded for English', async () => {
    const { asked, loaders } = feature();
    addMessages(loaders);
    const el = await fixture(html`<feature-greeting></feature-greeting>`);
    expect(text(el)).to.equal('Welcome');
    await setLocale('nl');
    await waitUntil(() => text(el) === 'Welkom', 'the feature’s Dutch message never showed');
    await setLocale('en');
    await waitUntil(() => text(el) === 'Welcome');
    expect(asked).to.deep.equal(['nl']);
  });

  it('of a feature that arrives while the language loads show with it', async () => {
    let release!: () => void;
    const first: MessageLoaders = {
      de: () => new Promise((resolve) => (release = () => resolve({ templates: {} }))),
    };
    addMessages(first);
    const el = await fixture(html`<feature-greeting></feature-greeting>`);
    const switched = setLocale('de');
    await waitUntil(() => release !== undefined, 'the first feature’s German messages were never asked for');
    // The page still shows English: the second feature registers in the middle of the change.
    const { asked, loaders } = feature();
    addMessages(loaders);
    release();
    expect(await switched).to.equal('de');
    await (el as LitElement).updateComplete;
    expect(text(el)).to.equal('Willkommen');
    expect(asked).to.deep.equal(['de']);
  });

  it('that fail to load leave the feature in English and the rest of the page in its language', async () => {
    addMessages({ fr: () => Promise.reject(new TypeError('Failed to fetch')) });
    const el = await fixture(html`<feature-greeting></feature-greeting>`);
    expect(await setLocale('fr')).to.equal('fr');
    await (el as LitElement).updateComplete;
    expect(text(el)).to.equal('Welcome');
  });
});
