import { css } from 'lit';

/** What the step adds to the shared field styles (field.styles.ts): the status line and the name field's spacing. */
export const passkeyStyles = css`
  .status {
    display: flex;
    align-items: center;
    color: var(--_text-muted);
  }

  .status:empty {
    display: none;
  }

  .field {
    margin-block-end: var(--_space);
  }

  .field .hint {
    margin-block: 0.25rem 0;
  }
`;
