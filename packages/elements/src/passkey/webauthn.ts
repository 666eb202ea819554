/**
 * The browser's passkey dialog, through @simplewebauthn/browser (only what the step uses, so its chunk stays small):
 * whether the browser has WebAuthn at all, and the creation itself, which `signal` aborts (Back, Cancel, the
 * wizard's time-out).
 */
import { browserSupportsWebAuthn, startRegistration, WebAuthnAbortService } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { PasskeyCreationOptions, PasskeyRegistrationResponse } from '@security-info/core';

/** Whether this browser can create passkeys at all; without, the step says so instead of offering a dead button. */
export const supportsPasskeys = (): boolean => browserSupportsWebAuthn();

/**
 * Opens the browser's dialog with the backend's options and resolves to its answer in JSON form; rejects with the
 * browser's error (its `name` says why), or with `signal`'s reason once it aborts, which closes the dialog.
 */
export async function createPasskey(
  options: PasskeyCreationOptions,
  signal: AbortSignal,
): Promise<PasskeyRegistrationResponse> {
  signal.throwIfAborted();
  const cancel = () => WebAuthnAbortService.cancelCeremony();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    // The contract's JSON shapes are WebAuthn's; they differ from the library's only in being less narrow.
    const answer = await startRegistration({
      optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
    return answer as unknown as PasskeyRegistrationResponse;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
