/**
 * The words of the policy model: the method ids, channels and purposes the contract knows, and the rules of a
 * security question. A module of their own, with no imports, shared by the policy's readers (policy-read.ts,
 * policy-sections.ts, loaded on demand), the registrations' reader and the channels of the phone step. The model
 * (policy.ts), which a wizard's first view needs, does not import it: a module shared with something loaded on
 * demand becomes a file of its own, which the first view would wait for (esbuild, 165 B gzipped).
 */
import type { Channel, MethodId, Purpose } from './types.js';

export const METHOD_IDS: readonly MethodId[] = ['authenticator-app', 'phone', 'email', 'security-questions', 'passkey'];
export const CHANNELS: readonly Channel[] = ['sms', 'voice'];
export const PURPOSES: readonly Purpose[] = ['mfa', 'password-reset'];

/** A security question's id (`SecurityQuestion.id`): answers are stored under it, and it may travel in a URL. */
export const SECURITY_QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest custom question a policy may word, in characters. */
export const MAX_QUESTION_TEXT = 200;
/** How many questions a person answers when the policy does not say. */
export const DEFAULT_REQUIRED_ANSWERS = 3;

/**
 * The longest name a passkey may have, in characters (code points), as `RenameMethodRequest` says. Here, not beside
 * the rule (passkey-name.ts), because the registrations' reader needs it too and the page's list loads without the rule.
 */
export const PASSKEY_NAME_MAX = 64;
