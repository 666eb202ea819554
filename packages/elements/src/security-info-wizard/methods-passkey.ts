/**
 * A passkey's step for the wizard: its element with the browser's dialog (../passkey/), and the other methods' steps
 * (wizard-methods.ts), which render it. The wizard loads this module when the method is chosen, so the passkey's
 * element and the WebAuthn helper are a file of their own. Every module the steps reach is reached from here too,
 * which keeps the bundler from cutting their shared files apart.
 */
import { createPasskey, deviceName, supportsPasskeys } from '../passkey/passkey.js';
import { usePasskeys } from './wizard-methods.js';

usePasskeys({ createPasskey, deviceName, supportsPasskeys });

export { WizardMethods } from './wizard-methods.js';
