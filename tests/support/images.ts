import sharp from "sharp";

/** Test images made on the spot with sharp: no binary fixtures in the repository. */

export async function photoJpeg({ width = 2400, height = 1600 } = {}): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 190 } } })
    .composite([
      {
        input: {
          create: { width: Math.round(width / 3), height: Math.round(height / 3), channels: 3, background: { r: 240, g: 200, b: 40 } },
        },
        top: 40,
        left: 40,
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A JPEG carrying camera and GPS EXIF (Tokyo Metropolitan Government Building, roughly). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp(await photoJpeg({ width: 1200, height: 800 }))
    .withExif({
      IFD0: { Make: "KohoCam", Model: "Test 1", Copyright: "Test" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 41/1 22/1", GPSLongitudeRef: "E", GPSLongitude: "139/1 41/1 30/1" },
    })
    .jpeg()
    .toBuffer();
}

export async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

export const svgDrawing = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>',
);

export const htmlPage = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await photoJpeg({ width: 1200, height: 800 });
  return whole.subarray(0, Math.floor(whole.byteLength / 2));
}

/** A real JPEG header followed by padding, 25 MB in all. */
export async function oversizeFile(): Promise<Buffer> {
  const head = await photoJpeg({ width: 64, height: 64 });
  return Buffer.concat([head, Buffer.alloc(25 * 1024 * 1024 - head.byteLength, 0)]);
}
