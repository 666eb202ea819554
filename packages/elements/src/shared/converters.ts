/** Attribute converters shared by the elements. */
import type { ComplexAttributeConverter } from 'lit';

/**
 * A list in an attribute: items separated by spaces or commas (`channels="sms voice"`,
 * `allowed-countries="NL, BE"`); empty items are dropped. Written back space-separated.
 */
export const listConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value) => value.join(' '),
};
