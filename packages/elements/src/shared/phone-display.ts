/**
 * Showing a phone number masked, with the phone metadata. Kept apart so that an element which needs it only
 * late (the wizard, after the phone step) can load it, and the phone library behind it, on demand.
 */
import { loadPhoneMetadata, maskPhoneNumber } from '@security-info/core';

/** A masker that uses the full metadata: `+31 6 •••• 5678`. */
export async function loadMasker(): Promise<(e164: string) => string> {
  const metadata = await loadPhoneMetadata();
  return (e164) => maskPhoneNumber(e164, metadata);
}
