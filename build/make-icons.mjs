// Makes every icon size the installers need from the one source image, assets/icon.svg:
// PNGs for Linux (16 to 1024), icon.ico for Windows and icon.icns for macOS, into build/icons/
// (generated, not committed). `npm run dist` runs it first; the packaging test runs it too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The sizes Linux desktops look for (hicolor theme), up to the 1024 px macOS wants. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export function makeIcons(outDir = join(root, 'build', 'icons')) {
  const svg = readFileSync(join(root, 'assets', 'icon.svg'));
  const pngDir = join(outDir, 'png');
  mkdirSync(pngDir, { recursive: true });
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    pngs.set(size, png);
    // electron-builder reads Linux icons from a folder of SIZExSIZE.png files.
    writeFileSync(join(pngDir, `${size}x${size}.png`), png);
  }
  const big = pngs.get(1024);
  const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('make-icons: png2icons could not convert the 1024 px icon');
  writeFileSync(join(outDir, 'icon.ico'), ico);
  writeFileSync(join(outDir, 'icon.icns'), icns);
  writeFileSync(join(outDir, 'icon.png'), big);
  return { pngDir, ico: join(outDir, 'icon.ico'), icns: join(outDir, 'icon.icns') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const made = makeIcons(process.argv[2]);
  process.stdout.write(`Icons written: ${made.pngDir}, ${made.ico}, ${made.icns}\n`);
}
