// Compile-time check that the JSX types of the raw tags accept properties and typed event handlers.
import type {} from '@security-info/elements/types/react';
import type { SecurityInfoCompleteDetail, SecurityInfoMethodsChangeDetail } from '@security-info/elements';

export function RawTag(props: { onDone: (detail: SecurityInfoCompleteDetail) => void }) {
  return (
    <security-info-wizard
      purpose="mfa"
      default-country="NL"
      onsecurity-info-complete={(event) => props.onDone(event.detail)}
    />
  );
}

export function RawPage(props: { onChange: (detail: SecurityInfoMethodsChangeDetail) => void }) {
  return (
    <security-info-methods
      default-country="NL"
      inline
      onsecurity-info-methods-change={(event) => props.onChange(event.detail)}
    />
  );
}
