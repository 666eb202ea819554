/**
 * The registered numbers as the wizard shows them: masked in their region's format, written out in full when the
 * person asks, and their region (for Change). Loaded on demand with the data of those numbers' calling codes,
 * as it brings the phone library, which the list itself does not need.
 */
import {
  checkPhoneNumber,
  formatAsYouType,
  loadPhoneMetadataFor,
  maskPhoneNumber,
  phoneCallingCodesFor,
} from '@security-info/core';

export interface PhoneFormat {
  /** `+31 6 •••• 5678`. */
  mask(e164: string): string;
  /** `+31 6 12345678`. */
  full(e164: string): string;
  /** ISO 3166-1 alpha-2, when the number reads as one of a region. */
  region(e164: string): string | undefined;
}

export async function loadPhoneFormat(numbers: readonly string[]): Promise<PhoneFormat> {
  const metadata = await loadPhoneMetadataFor(numbers.flatMap((number) => phoneCallingCodesFor(number)));
  return {
    mask: (e164) => maskPhoneNumber(e164, metadata),
    full: (e164) => formatAsYouType(e164, e164.length, undefined, metadata).text,
    region: (e164) => checkPhoneNumber(e164, {}, metadata).region,
  };
}
