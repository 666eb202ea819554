import { css } from 'lit';

export const questionsStyles = css`
  .row {
    margin-block-start: var(--_space);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }

  .row:first-of-type {
    border-block-start: none;
    padding-block-start: 0;
  }

  .field + .field {
    margin-block-start: calc(var(--_space) / 2);
  }

  select {
    padding-inline-end: 2rem;
  }

  select[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }

  @media (forced-colors: active) {
    select[aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
