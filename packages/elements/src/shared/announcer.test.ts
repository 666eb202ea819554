import { html as litHtml, LitElement } from 'lit';
import { AnnouncerController } from './announcer.js';
import { defineElement } from './define.js';
import { fieldStyles } from './field.styles.js';
import { expect, expectAccessible, fixture, getByRole, html } from '../../test/helpers.js';

/** Saves on Save and says so; `busy` is a standing status while the host works. */
class TestAnnouncing extends LitElement {
  static override styles = fieldStyles;
  static override properties = { busy: { type: Boolean } };
  declare busy: boolean;
  readonly announcer = new AnnouncerController(this);

  constructor() {
    super();
    this.busy = false;
  }

  override render() {
    return litHtml`<button @click=${() => this.announcer.announce('Saved.')}>Save</button>
      ${this.announcer.render(this.busy ? 'Saving…' : undefined)}`;
  }
}
defineElement('test-announcing', TestAnnouncing);

declare global {
  interface HTMLElementTagNameMap {
    'test-announcing': TestAnnouncing;
  }
}

const region = (el: Element) => getByRole(el, 'status', { hidden: true });
const said = (el: Element) => region(el).textContent?.trim() ?? '';

async function announcing() {
  const el = await fixture<TestAnnouncing>(html`<test-announcing></test-announcing>`);
  return { el, save: getByRole<HTMLButtonElement>(el, 'button', { name: 'Save' }) };
}

describe('AnnouncerController', () => {
  it('renders one polite region from the start, silent and out of sight', async () => {
    const { el } = await announcing();
    expect(region(el).getAttribute('role')).to.equal('status');
    expect(said(el)).to.equal('');
    const { width, height } = region(el).getBoundingClientRect();
    expect(width * height).to.be.at.most(1);
    await expectAccessible(el);
  });

  it('says what happened', async () => {
    const { el, save } = await announcing();
    save.click();
    await el.updateComplete;
    expect(said(el)).to.equal('Saved.');
    await expectAccessible(el);
  });

  it('says the same sentence again as a new message, so it is heard twice', async () => {
    const { el, save } = await announcing();
    save.click();
    await el.updateComplete;
    const first = region(el).firstElementChild;
    save.click();
    await el.updateComplete;
    expect(said(el)).to.equal('Saved.');
    expect(region(el).firstElementChild).not.to.equal(first);
  });

  it('says a standing status while it lasts, then nothing said before it', async () => {
    const { el, save } = await announcing();
    save.click();
    el.busy = true;
    el.announcer.clear();
    await el.updateComplete;
    expect(said(el)).to.equal('Saving…');
    el.busy = false;
    await el.updateComplete;
    expect(said(el)).to.equal('');
  });

  it('does not carry an announcement over when its host leaves the page and comes back', async () => {
    const { el, save } = await announcing();
    save.click();
    await el.updateComplete;
    const parent = el.parentNode!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(said(el)).to.equal('');
  });
});
