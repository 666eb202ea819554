/** The words of `<authenticator-app-setup>`; their translations load with the step (`addEnrollMessages()`). */
import { msg } from '../shared/lit-localize.js';
import type { CopyOutcome } from './copy-key.js';

export const heading = () =>
  msg('Set up your authenticator app', {
    id: 'enroll.app.heading',
    desc: 'Heading of the step that shows the QR code to add to an authenticator app.',
  });

/** The numbered instructions, in order. */
export const instructions = () => [
  msg('Open your authenticator app.', {
    id: 'enroll.app.open',
    desc: 'First of three numbered instructions: open the authenticator app on the phone.',
  }),
  msg('Add an account.', {
    id: 'enroll.app.add',
    desc: 'Second instruction: in the authenticator app, choose to add a new account.',
  }),
  msg('Scan the QR code, then select Next.', {
    id: 'enroll.app.scan',
    desc: 'Third instruction: scan the QR code shown below with the app, then press the Next button.',
  }),
];

export const qrLabel = () =>
  msg('QR code for your authenticator app', {
    id: 'enroll.app.qr-label',
    desc: 'What a screen reader says for the QR code image.',
  });

export const cantScan = () =>
  msg("Can't scan the QR code?", {
    id: 'enroll.app.cant-scan',
    desc: 'A disclosure that reveals the key to type into the app instead of scanning.',
  });

export const keyIntro = () =>
  msg('Enter this key in your app instead:', {
    id: 'enroll.app.key-intro',
    desc: 'Shown before the secret key, a long code of letters and digits in groups of four.',
  });

export const copy = () =>
  msg('Copy key', { id: 'enroll.app.copy', desc: 'Button that copies the secret key to the clipboard.' });

export function copied(outcome: CopyOutcome): string {
  return outcome === 'copied'
    ? msg('Key copied.', { id: 'enroll.app.copied', desc: 'Shown and announced after the key was copied.' })
    : msg('Select the key and copy it.', {
        id: 'enroll.app.copy-refused',
        desc: 'The browser did not allow copying: the person selects the key and copies it themselves.',
      });
}

export const loading = () =>
  msg('Getting your QR code…', {
    id: 'enroll.app.loading',
    desc: 'Shown and announced while the QR code and key are fetched.',
  });

export const next = () =>
  msg('Next', {
    id: 'enroll.app.next',
    desc: 'Button pressed after adding the account to the app: goes on to enter a code from the app.',
  });

export const back = () =>
  msg('Back', { id: 'enroll.app.back', desc: 'Button that returns to the choice of a method.' });
