// Recovery codes under the strict Content-Security-Policy with Trusted Types the library promises to run under: the
// codes' dialog, its download (a Blob's URL) and its print (a frame built node by node) cause no violation.
import { expect, getByRole, queryByRole, waitUntil } from '../../test/helpers.js';
import type { SecurityInfoMethods } from './security-info-methods.js';
import type { printer as Printer } from './recovery-codes.js';

interface CspWindow extends Window {
  violations: string[];
  printer: typeof Printer;
  ready?: boolean;
  HTMLAnchorElement: typeof HTMLAnchorElement;
}

describe('security-info-methods under a strict Content-Security-Policy with Trusted Types', () => {
  it('makes, downloads and prints recovery codes without one violation', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'CSP test page';
    frame.style.inlineSize = '640px';
    frame.style.blockSize = '640px';
    frame.src = '/packages/elements/test/csp/methods.html';
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as CspWindow;
      await waitUntil(() => win()?.ready, 'the CSP page did not start', { timeout: 5000 });
      const page = frame.contentDocument!.querySelector<SecurityInfoMethods>('security-info-methods')!;
      await waitUntil(() => queryByRole(page, 'button', { name: 'Get recovery codes' }), 'no offer', { timeout: 5000 });
      getByRole(page, 'button', { name: 'Get recovery codes' }).click();
      await waitUntil(() => page.shadowRoot!.querySelectorAll('[part="codes"] li').length === 10, 'no codes', {
        timeout: 5000,
      });
      const dialog = page.shadowRoot!.querySelector('dialog')!;

      const links: HTMLAnchorElement[] = [];
      const anchor = win().HTMLAnchorElement.prototype;
      const click = anchor.click;
      anchor.click = function (this: HTMLAnchorElement) {
        links.push(this);
      };
      const printed: string[] = [];
      const print = win().printer.print;
      win().printer.print = (printing) => printed.push(printing.document.body.textContent ?? '');
      try {
        getByRole(dialog, 'button', { name: 'Download' }).click();
        getByRole(dialog, 'button', { name: 'Print' }).click();
      } finally {
        anchor.click = click;
        win().printer.print = print;
      }
      expect(links[0]!.href).to.match(/^blob:/);
      // Read from this page: the CSP page's own connect-src is 'self', which a blob: address is not.
      expect(await (await fetch(links[0]!.href)).text()).to.include('Recovery codes');
      // The code as shown (its spelled form beside it is for screen readers alone).
      const shown = page.shadowRoot!.querySelector('[part="codes"] li [aria-hidden="true"]')!.textContent!.trim();
      expect(printed[0]).to.include(shown);
      getByRole(dialog, 'button', { name: 'Done' }).click();

      const served = await fetch(frame.src);
      expect(served.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
      expect(win().violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
