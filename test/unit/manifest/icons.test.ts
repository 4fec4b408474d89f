import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { colorIcon, outlineIcon } from '../../../manifest/lib/icon-art';
import { encodePng } from '../../../manifest/lib/png-encoder';

interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  readonly pixels: Buffer;
}

// Decodes the PNGs we write (RGBA, 8-bit, filter 0 on every row); enough to check them.
function decodePng(png: Buffer): Decoded {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colorType = -1;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows = Array.from({ length: height }, (_, y) => {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    return raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  });
  return { width, height, colorType, pixels: Buffer.concat(rows) };
}

const manifestDir = path.join(__dirname, '../../../manifest');
const committed = (name: string) => readFileSync(path.join(manifestDir, name));

describe('icons', () => {
  it('color.png is a 192×192 opaque RGBA PNG', () => {
    const png = decodePng(committed('color.png'));
    expect([png.width, png.height, png.colorType]).toEqual([192, 192, 6]);
    for (let i = 3; i < png.pixels.length; i += 4) expect(png.pixels[i]).toBe(255);
  });

  it('outline.png is 32×32, white wherever it is not fully transparent', () => {
    const png = decodePng(committed('outline.png'));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      if (png.pixels[i + 3] === 0) transparent += 1;
      else expect([...png.pixels.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(png.pixels[3]).toBe(0); // corner: transparent background
  });

  it('color.png has the manifest accent colour as its background', () => {
    const template = JSON.parse(committed('manifest.template.json').toString('utf8')) as {
      accentColor: string;
    };
    const corner = [...decodePng(committed('color.png')).pixels.subarray(0, 3)];
    const accent = template.accentColor
      .slice(1)
      .match(/../g)!
      .map((hex) => parseInt(hex, 16));
    expect(corner).toEqual(accent);
  });

  it('the committed icons are what the generator produces', () => {
    expect(encodePng(colorIcon()).equals(committed('color.png'))).toBe(true);
    expect(encodePng(outlineIcon()).equals(committed('outline.png'))).toBe(true);
  });
});
