/** The words of `<passkey-setup>`; their translations load with the step (the `passkey` feature). */
import { msg } from '../shared/lit-localize.js';

export const heading = () =>
  msg('Create a passkey', { id: 'passkey.heading', desc: 'Heading of the step that creates a passkey (WebAuthn).' });

export const intro = () =>
  msg(
    'A passkey lets you sign in with your face, fingerprint or screen lock. It stays on your device and cannot be phished.',
    {
      id: 'passkey.intro',
      desc: 'What a passkey is, under the heading "Create a passkey".',
    },
  );

export const prompt = () =>
  msg('When you select Create passkey, your browser or phone will ask you to confirm.', {
    id: 'passkey.prompt',
    desc: 'What happens next: the browser or the phone shows its own dialog. "Create passkey" is the button below.',
  });

export const create = () =>
  msg('Create passkey', { id: 'passkey.create', desc: "Button that opens the browser's dialog to create a passkey." });

export const waiting = () =>
  msg('Follow the steps your browser shows…', {
    id: 'passkey.waiting',
    desc: "Shown and announced while the browser's passkey dialog is open or the passkey is being saved.",
  });

export const back = () => msg('Back', { id: 'passkey.back', desc: 'Button that returns to the choice of a method.' });

export const unsupported = () =>
  msg("This browser can't create passkeys. Use an up-to-date browser, or choose another method.", {
    id: 'passkey.unsupported',
    desc: 'The browser has no WebAuthn at all: said instead of offering the Create passkey button.',
  });

/** What went wrong with the dialog or its answer (core's `PasskeyStepReason`), with the way forward. */
export function failure(reason: string): string {
  switch (reason) {
    case 'passkey-cancelled':
      return msg(
        'No passkey was created: the request was cancelled or not confirmed. Select Create passkey to try again.',
        {
          id: 'passkey.cancelled',
          desc: "The person closed the browser's dialog, or the device did not confirm.",
        },
      );
    case 'passkey-exists':
      return msg(
        'This device already has a passkey for your account. Use another device or security key, or choose another method.',
        {
          id: 'passkey.exists',
          desc: 'The authenticator already holds one of the person’s passkeys.',
        },
      );
    case 'passkey-origin':
      return msg("Passkeys can't be created on this page. Contact your administrator.", {
        id: 'passkey.origin',
        desc: 'The page’s address is not the one the organization set up passkeys for (a configuration error).',
      });
    case 'passkey-unsupported':
      return msg("This device can't create a passkey your organization accepts. Try another device or security key.", {
        id: 'passkey.not-supported',
        desc: 'No authenticator on this device offers what the organization asks for.',
      });
    case 'passkey-timeout':
      return msg('The request timed out. Select Create passkey to try again.', {
        id: 'passkey.timeout',
        desc: "The browser's passkey dialog stayed open too long.",
      });
    case 'passkey-refused':
      return msg("We couldn't verify your passkey. Select Create passkey to try again.", {
        id: 'passkey.refused',
        desc: 'The server did not accept the passkey the browser created.',
      });
    // No number: the backend does not say how many it keeps, so the words need no plural forms either.
    case 'passkey-limit':
      return msg('You already have the most passkeys allowed. Delete one you no longer use, then add another.', {
        id: 'passkey.limit',
        desc: 'The person has as many passkeys as the organization allows (no new one was created): they must delete one, on the page that lists their sign-in methods, before adding another.',
      });
    default:
      return '';
  }
}

export const nameHeading = () =>
  msg('Name your passkey', {
    id: 'passkey.name-heading',
    desc: 'Heading once the passkey is created: give it a name.',
  });

export const nameIntro = () =>
  msg('Your passkey is ready. A name helps you tell it apart from your other passkeys.', {
    id: 'passkey.name-intro',
    desc: 'Under "Name your passkey".',
  });

export const nameLabel = () =>
  msg('Passkey name', { id: 'passkey.name-label', desc: 'Label of the field for the passkey’s name.' });

export const nameHint = () =>
  msg('Up to 64 characters.', { id: 'passkey.name-hint', desc: 'Under the name field: how long the name may be.' });

export const nameInvalid = () =>
  msg('Enter a name of 1 to 64 characters.', {
    id: 'passkey.name-invalid',
    desc: 'The name field is empty or longer than 64 characters.',
  });

export const save = () =>
  msg('Save', { id: 'passkey.save', desc: 'Button that saves the passkey’s name and finishes.' });
