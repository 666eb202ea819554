/** What the Security info page calls each method, and how it says what identifies one and when it was used. */
import type { Channel, MethodKind } from '@security-info/core';
import { msg } from '../shared/lit-localize.js';

export function kindName(kind: MethodKind): string {
  switch (kind) {
    case 'phone':
      return msg('Phone', { id: 'methods.kind-phone', desc: 'Name of a registered phone (text message or call).' });
    case 'authenticator-app':
      return msg('Authenticator app', { id: 'methods.kind-app', desc: 'Name of a registered authenticator app.' });
    case 'email':
      return msg('Email', { id: 'methods.kind-email', desc: 'Name of a registered email address.' });
    case 'security-questions':
      return msg('Security questions', {
        id: 'methods.kind-questions',
        desc: 'Name of the registered security questions.',
      });
    case 'passkey':
      return msg('Passkey', { id: 'methods.kind-passkey', desc: 'Name of a registered passkey.' });
    case 'recovery-codes':
      return msg('Recovery codes', { id: 'methods.kind-recovery', desc: 'Name of a set of recovery codes.' });
  }
}

export function channelText(channel: Channel): string {
  return channel === 'voice'
    ? msg('Codes by phone call', { id: 'methods.channel-voice', desc: 'How a registered phone gets its codes.' })
    : msg('Codes by text message', { id: 'methods.channel-sms', desc: 'How a registered phone gets its codes.' });
}

/**
 * A number shown without its region's format: its last digits only, as core's `maskPhoneNumber` shows one it has
 * no metadata for. Used while the format cannot load (offline), so the page never shows nothing.
 */
export function lastDigits(e164: string): string {
  return `•••• ${e164.slice(-4)}`;
}
