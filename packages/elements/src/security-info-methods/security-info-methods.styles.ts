import { css } from 'lit';

export const methodsStyles = css`
  :host {
    max-inline-size: var(--si-methods-max-width, 40rem);
  }

  /* A long word ("Sicherheitsinformationen") wraps rather than widen the page past a 320 px screen (h3s come with
     the actions: dialogs.styles.ts). */
  h2 {
    overflow-wrap: break-word;
    hyphens: auto;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .note {
    display: block;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }

  .default {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }

  .label {
    flex-basis: 100%;
  }

  ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  .method {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    background: var(--si-methods-row-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .about {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }

  .name {
    font-weight: 600;
  }

  /* A passkey's name may be one long word: it wraps rather than widen the page, in a row and as the default. */
  .name,
  strong {
    overflow-wrap: anywhere;
  }

  /* The kind in bold, what identifies it not: "Passkey Work laptop" reads as a kind and a name. */
  [part~='identifier'] {
    font-weight: 400;
  }

  /* The default's label, and a row's lines under its name. */
  .label,
  .detail {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .row-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .actions {
    margin-block: var(--_space);
  }

  button.link {
    min-block-size: 1.5rem;
    min-inline-size: 0;
    padding: 0;
    border: 0;
    background: none;
    font-size: 0.875em;
    text-decoration: underline;
  }

  .status {
    display: flex;
    align-items: center;
    color: var(--_text-muted);
  }

  .placeholder,
  .bar {
    display: inline-block;
    inline-size: 7em;
    block-size: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .skeleton {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
  }

  .bar {
    inline-size: 40%;
    animation: si-pulse 1.6s ease-in-out infinite alternate;
  }

  .bar.wide {
    inline-size: 75%;
  }

  @keyframes si-pulse {
    to {
      opacity: 0.4;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bar {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .placeholder,
    .bar {
      border: 1px solid GrayText;
    }
  }
`;
