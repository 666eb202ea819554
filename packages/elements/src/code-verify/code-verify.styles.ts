import { css } from 'lit';

export const codeVerifyStyles = css`
  .field {
    margin-block-start: var(--_space);
  }

  input {
    max-inline-size: var(--si-code-input-width, 14rem);
    font-size: 1.25em;
    letter-spacing: 0.2em;
    font-variant-numeric: tabular-nums;
    direction: ltr;
    text-align: start;
  }

  .resend {
    margin-block-start: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }

  .wait {
    color: var(--_text-muted);
    font-size: 0.875em;
    margin: 0;
    flex-basis: 100%;
  }
`;
