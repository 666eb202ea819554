import { css } from 'lit';

export const emailStyles = css`
  .field {
    margin-block-start: var(--_space);
  }

  /* An address reads left to right in every language; on a right-to-left page it sits at the field's end. */
  input {
    text-align: start;
  }

  :host(:dir(rtl)) input {
    text-align: end;
  }
`;
