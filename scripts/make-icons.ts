/**
 * `npm run icons`: renders resources/icon.svg (the one source picture) to
 *   resources/icon.png  512×512, the window icon (electron/main looks for it; packaged it is
 *                       copied to `resources/icon.png` beside app.asar, see electron-builder.config.cjs)
 *   resources/icon.ico  16…256 px, the .exe, installer, uninstaller and shortcut icon.
 * Every ICO size is its own render of the vector source, not a downscale of the 512 px picture:
 * resampling a bitmap blurs the thin shapes exactly where small icons need them sharp.
 * The outputs are committed, so building the installer needs no renderer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const RESOURCES = resolve(__dirname, '..', 'resources');
const PNG_SIZE = 512;
// Windows picks from these: 16/24/32 (lists, title bar, small taskbar), 48/64 (Explorer, Start),
// 128/256 (large views; 256 is the largest an ICO entry can declare).
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

function render(svg: Buffer, size: number): Buffer {
  // No system fonts: the picture has no text, and loading fonts would make the output depend on
  // the machine that ran the script.
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`icon.svg rendered ${image.width}×${image.height} for ${size}×${size}: is its viewBox square?`);
  }
  return image.asPng();
}

async function main(): Promise<void> {
  const svg = readFileSync(join(RESOURCES, 'icon.svg'));
  writeFileSync(join(RESOURCES, 'icon.png'), render(svg, PNG_SIZE));
  const ico = await pngToIco(ICO_SIZES.map((size) => render(svg, size)));
  writeFileSync(join(RESOURCES, 'icon.ico'), ico);
  console.log(`icon.png ${PNG_SIZE}×${PNG_SIZE}; icon.ico ${ICO_SIZES.join('/')} px (${ico.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
