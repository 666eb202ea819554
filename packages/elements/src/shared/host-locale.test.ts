import { hostLocale } from './host-locale.js';
import { expect, fixture, html } from '../../test/helpers.js';

describe('hostLocale', () => {
  let documentLang = '';
  beforeEach(() => (documentLang = document.documentElement.lang));
  afterEach(() => (document.documentElement.lang = documentLang));

  it("takes the element's own lang, in its canonical form", async () => {
    const el = await fixture<HTMLElement>(html`<span lang="de-at"></span>`);
    expect(hostLocale(el)).to.equal('de-AT');
  });

  it('takes the nearest lang around the element', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="nl">
        <p lang="fr"><span></span></p>
      </div>`,
    );
    expect(hostLocale(page.querySelector('span')!)).to.equal('fr');
  });

  it("takes the document's lang, not a lang around the shadow root it sits in", async () => {
    document.documentElement.lang = 'da';
    const page = await fixture<HTMLElement>(html`<div lang="ja"><span></span></div>`);
    const inner = document.createElement('p');
    inner.lang = 'fi';
    const [nested, alone] = [document.createElement('em'), document.createElement('strong')];
    inner.append(nested);
    page.querySelector('span')!.attachShadow({ mode: 'open' }).append(inner, alone);
    expect(hostLocale(nested)).to.equal('fi');
    expect(hostLocale(alone)).to.equal('da');
  });

  it("falls back to the document's lang, then to the browser's (undefined)", async () => {
    document.documentElement.lang = 'sv';
    const el = await fixture<HTMLElement>(html`<span></span>`);
    expect(hostLocale(el)).to.equal('sv');
    document.documentElement.lang = '';
    expect(hostLocale(el)).to.equal(undefined);
  });

  it('leaves a lang that is not a language tag to the browser', async () => {
    const el = await fixture<HTMLElement>(html`<span lang="not a language!"></span>`);
    expect(hostLocale(el)).to.equal(undefined);
  });
});
