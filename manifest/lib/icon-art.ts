import type { RgbaImage } from './png-encoder';

/** True when the point (unit square coordinates, 0..1) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

type Rgb = readonly [number, number, number];

// The accent colour (`accentColor` in the manifest), as RGB.
const accentRgb: Rgb = [0x1f, 0x6f, 0x78];
const white: Rgb = [255, 255, 255];
const samples = 4;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

function capsule(ax: number, ay: number, bx: number, by: number, half: number): Shape {
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  return (x, y) => {
    const t = Math.min(
      1,
      Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared),
    );
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= half * half;
  };
}

/** A clipboard with a tick: board outline, clip and check mark; `weight` thickens the strokes. */
function glyph(weight: number): Shape {
  const stroke = 0.055 * weight;
  const outer = roundedRect(0.24, 0.18, 0.76, 0.86, 0.07);
  const inner = roundedRect(0.24 + stroke, 0.18 + stroke, 0.76 - stroke, 0.86 - stroke, 0.04);
  const clip = roundedRect(0.37, 0.11, 0.63, 0.25, 0.035);
  const tickA = capsule(0.37, 0.56, 0.46, 0.66, 0.035 * weight);
  const tickB = capsule(0.46, 0.66, 0.61, 0.47, 0.035 * weight);
  return (x, y) => (outer(x, y) && !inner(x, y)) || clip(x, y) || tickA(x, y) || tickB(x, y);
}

function coverage(shape: Shape, size: number, px: number, py: number): number {
  let hits = 0;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits += 1;
    }
  }
  return hits / (samples * samples);
}

function render(
  size: number,
  paint: (cover: number) => readonly [number, number, number, number],
  shape: Shape,
): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      pixels.set(paint(coverage(shape, size, px, py)), (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** The 192×192 full-colour icon: a white glyph on the accent colour. */
export function colorIcon(): RgbaImage {
  const mix = (cover: number, i: 0 | 1 | 2) =>
    Math.round(accentRgb[i] + (white[i] - accentRgb[i]) * cover);
  return render(192, (c) => [mix(c, 0), mix(c, 1), mix(c, 2), 255], glyph(1));
}

/** The 32×32 outline icon: the glyph in white on a transparent background. */
export function outlineIcon(): RgbaImage {
  return render(32, (c) => [255, 255, 255, Math.round(255 * c)], glyph(1.3));
}
