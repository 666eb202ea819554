import { css } from 'lit';

export const authenticatorAppStyles = css`
  ol {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.5em;
  }

  .loading {
    display: flex;
    align-items: center;
    min-block-size: var(--si-qr-size, 12rem);
    color: var(--_text-muted);
  }

  /* Dark on light in every theme: scanners look for dark modules on a light ground. */
  .qr {
    display: block;
    inline-size: var(--si-qr-size, 12rem);
    block-size: var(--si-qr-size, 12rem);
    max-inline-size: 100%;
    margin-block-end: var(--_space);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .qr .light {
    fill: #ffffff;
  }

  .qr .dark {
    fill: #000000;
  }

  summary {
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
    inline-size: fit-content;
    min-block-size: 1.5rem;
  }

  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  details > p {
    margin-block: 0.5rem 0.25rem;
  }

  .key {
    display: inline-block;
    direction: ltr;
    unicode-bidi: isolate;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 1.125em;
    letter-spacing: 0.05em;
    word-spacing: 0.4em;
    padding: 0.25rem 0.5rem;
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_surface-raised);
    user-select: text;
  }

  .copy {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    margin-block-start: 0.5rem;
  }

  .copy .hint {
    margin: 0;
  }

  @media (forced-colors: active) {
    .qr .light {
      fill: Canvas;
    }

    .qr .dark {
      fill: CanvasText;
    }

    summary {
      color: LinkText;
    }

    summary:focus-visible {
      outline-color: Highlight;
    }
  }
`;
