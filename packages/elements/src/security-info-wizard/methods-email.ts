/**
 * The email address's step for the wizard: its element, and the other methods' steps (wizard-methods.ts), which render it. The wizard
 * loads this module when the method is chosen, so each method's element is a file of its own. Every module the
 * steps reach is reached from here too, which keeps the bundler from cutting their shared files apart.
 */
import '../email-address/email-address.js';

export { WizardMethods } from './wizard-methods.js';
