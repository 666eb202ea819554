import { expect, getByRole, queryByRole, typeInto, waitUntil } from '../../test/helpers.js';
import type { MemoryAdapter } from '@security-info/core';

interface CspWindow extends Window {
  violations: string[];
  adapter: MemoryAdapter;
  ready?: boolean;
}

describe('security-info-wizard under a strict Content-Security-Policy with Trusted Types', () => {
  it('runs the whole flow without one violation', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'CSP test page';
    frame.style.inlineSize = '480px';
    frame.style.blockSize = '640px';
    frame.src = '/packages/elements/test/csp/index.html';
    document.body.append(frame);
    const win = () => frame.contentWindow as CspWindow;
    await waitUntil(() => win()?.ready, 'the CSP page did not start', { timeout: 5000 });
    const wizard = frame.contentDocument!.querySelector('security-info-wizard')!;

    await waitUntil(() => queryByRole(wizard, 'textbox', { name: 'Phone number' }), 'no phone field', {
      timeout: 5000,
    });
    await typeInto(getByRole(wizard, 'textbox', { name: 'Phone number' }), '612345678');
    getByRole(wizard, 'button', { name: 'Next' }).click();
    await waitUntil(() => wizard.step === 'code' && queryByRole(wizard, 'textbox', { name: /code/i }), 'no code step', {
      timeout: 5000,
    });
    await typeInto(getByRole(wizard, 'textbox', { name: /code/i }), win().adapter.lastCode!.code);
    getByRole(wizard, 'button', { name: 'Verify' }).click();
    await waitUntil(() => wizard.step === 'done', 'not done', { timeout: 5000 });

    const served = await fetch(frame.src);
    expect(served.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    expect(win().violations).to.deep.equal([]);
    frame.remove();
  });
});
