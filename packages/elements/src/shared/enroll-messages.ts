/**
 * The words of the methods beyond phone (message ids `enroll.…`: the authenticator app, email, security questions and
 * a sequence of required methods) in the other languages. They are split from the locale modules and load with those
 * methods' steps: each step's module calls `addEnrollMessages()`, and even the map of their modules waits until a
 * language other than English is shown.
 */
import { addFeatureMessages } from './feature-messages.js';

let added = false;

/** Registers the `enroll.…` messages with the localization runtime (once per page). */
export function addEnrollMessages(): void {
  if (added) return;
  added = true;
  addFeatureMessages(() => import('../generated/locales/enroll/index.js'));
}
