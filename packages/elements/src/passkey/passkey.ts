/**
 * The passkey step as the wizard loads it, on its own when Passkey is chosen: the element, the browser's dialog and
 * the name suggested from the device. Its words in the other languages come with it (`passkey.…`).
 */
import type { PasskeyCreationOptions, PasskeyRegistrationResponse } from '@security-info/core';
import './passkey-setup.js';

export { createPasskey, supportsPasskeys } from './webauthn.js';
export { deviceName } from './device-name.js';
export type { PasskeySaveDetail } from './passkey-setup.js';

/** What the wizard's passkey calls need of the browser. */
export interface PasskeyBrowser {
  createPasskey(options: PasskeyCreationOptions, signal: AbortSignal): Promise<PasskeyRegistrationResponse>;
  deviceName(): string;
  supportsPasskeys(): boolean;
}
