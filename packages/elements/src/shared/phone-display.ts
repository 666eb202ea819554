/**
 * Showing a phone number masked, with the phone metadata. Kept apart so that an element which needs it only
 * late (the wizard, after the phone step) can load it, and the phone library behind it, on demand.
 */
import { loadPhoneMetadataFor, maskPhoneNumber, phoneCallingCodesFor } from '@security-info/core';

/** A masker for `e164` that uses the metadata of its calling code: `+31 6 •••• 5678`. */
export async function loadMasker(e164: string): Promise<(e164: string) => string> {
  const metadata = await loadPhoneMetadataFor(phoneCallingCodesFor(e164));
  return (number) => maskPhoneNumber(number, metadata);
}
