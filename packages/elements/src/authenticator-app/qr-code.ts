/**
 * A QR code drawn as SVG from its text: lean-qr encodes it, and the dark modules become one `<path>` made of one
 * rectangle per run of dark modules in a row, so a scanner sees crisp squares at any size and the markup stays small.
 */
import { svg, type SVGTemplateResult } from 'lit';
import { generate } from 'lean-qr';

/** Light modules around the code: ISO/IEC 18004 asks for four, and scanners find codes without them less often. */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, the quiet zone included: the `viewBox` is `0 0 size size`. */
  size: number;
  /** The dark modules, offset by the quiet zone. */
  d: string;
}

/** Draws `text`, or nothing when it is empty or too long for any QR code (about 2,900 bytes). */
export function drawQr(text: string): QrDrawing | undefined {
  if (!text) return undefined;
  let code;
  try {
    code = generate(text);
  } catch {
    return undefined;
  }
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      // Reading past the edge gives a light module, which ends the run.
      let run = 1;
      while (code.get(x + run, y)) run++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: code.size + 2 * QUIET_ZONE, d };
}

/** The inside of the `<svg>`: a light square (the quiet zone and the light modules) under the dark modules. */
export function qrShapes({ size, d }: QrDrawing): SVGTemplateResult {
  return svg`<rect class="light" width=${size} height=${size} aria-hidden="true"></rect><path class="dark" d=${d} aria-hidden="true"></path>`;
}
