/** Writes manifest/color.png (192×192) and manifest/outline.png (32×32): `tsx manifest/generate-icons.ts`. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { colorIcon, outlineIcon } from './lib/icon-art';
import { encodePng } from './lib/png-encoder';

async function main(): Promise<void> {
  await writeFile(path.join(__dirname, 'color.png'), encodePng(colorIcon()));
  await writeFile(path.join(__dirname, 'outline.png'), encodePng(outlineIcon()));
  console.log('Wrote manifest/color.png and manifest/outline.png.');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
