/**
 * Makes the raster icons from app/icon.svg (the 広 of 広報, white on the site's navy):
 * app/apple-icon.png (180 px, square: iOS rounds the corners itself) and app/favicon.ico
 * (16, 32 and 48 px, for browsers and tools that only ask for /favicon.ico).
 * The outputs are committed; run `npx tsx scripts/make-icons.ts` after changing the SVG.
 */
import { readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("app/icon.svg", "utf8");
// Full-bleed for Apple: a rounded square inside iOS's own mask would show navy corners twice.
const squareSvg = svg.replace(/ rx="\d+"/, "");

const png = (source: string, size: number) => sharp(Buffer.from(source), { density: 576 }).resize(size, size).png().toBuffer();

/** An ICO file whose entries are PNG images, which every current browser reads. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 would mean 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

writeFileSync("app/apple-icon.png", await png(squareSvg, 180));
const sizes = [16, 32, 48];
writeFileSync("app/favicon.ico", ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(svg, size) })))));
console.log("Wrote app/apple-icon.png and app/favicon.ico");
