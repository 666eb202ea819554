import { css } from 'lit';

export const wizardStyles = css`
  :host {
    max-inline-size: var(--si-wizard-max-width, 32rem);
  }

  .panel {
    background: var(--si-wizard-background, transparent);
    padding: var(--si-wizard-padding, 0);
  }

  .status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_text-muted);
  }

  .error {
    margin-block: 0 var(--_space);
  }

  .done-icon {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    color: var(--_success);
    margin-block-end: 0.5rem;
  }

  @media (forced-colors: active) {
    .done-icon {
      color: CanvasText;
    }
  }
`;
