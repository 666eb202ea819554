/**
 * The methods' icons: outlines in the text's colour. They are decoration (hidden from assistive
 * technology, the list complete without them), so they load beside the policy rather than before the method step:
 * about 340 B gzipped off what a page downloads before the wizard can show anything. The module imports nothing
 * (Lit's `svg` tag is handed in), so bundlers give it a file of its own without splitting the files it sits beside.
 */
import type { svg as svgTag, SVGTemplateResult } from 'lit';
import type { MethodId } from '@security-info/core';

/** Each method's icon, drawn with the `svg` tag given, for a 24 by 24 view box. */
export function methodIcons(svg: typeof svgTag): Record<MethodId, SVGTemplateResult> {
  const outline = (drawing: SVGTemplateResult) =>
    svg`<g fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${drawing}</g>`;
  return {
    'authenticator-app': outline(
      svg`<rect x="6" y="2.5" width="12" height="19" rx="2.5"/><path d="M9.5 12.2l1.8 1.8 3.4-3.6"/>`,
    ),
    phone: outline(
      svg`<path d="M7.2 3.5l2.6-.4 1.6 4.1-1.9 1.4a11 11 0 0 0 5.9 5.9l1.4-1.9 4.1 1.6-.4 2.6a2 2 0 0 1-2.1 1.7A15.5 15.5 0 0 1 3.8 5.6a2 2 0 0 1 1.7-2.1z"/>`,
    ),
    email: outline(svg`<rect x="3" y="5.5" width="18" height="13" rx="2"/><path d="M3.5 7l8.5 6 8.5-6"/>`),
    'security-questions': outline(
      svg`<circle cx="12" cy="12" r="9"/><path d="M9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.7.3-1 .8-1 1.5v.6"/><path d="M12 16.8h.01"/>`,
    ),
    passkey: outline(
      svg`<circle cx="9" cy="8" r="4"/><path d="M3 20a6 6 0 0 1 10-4.5"/><circle cx="17.5" cy="13.5" r="2.5"/><path d="M17.5 16v5l1.5-1.2"/>`,
    ),
  };
}
