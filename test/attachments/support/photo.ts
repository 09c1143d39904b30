import sharp from 'sharp';

/**
 * A camera-like JPEG: noisy pixels (so it compresses like a photo, not like a flat colour) and an
 * EXIF block with the camera, the time and GPS coordinates, written by sharp/libvips as a camera
 * would write them.
 */
export async function photoWithGps(width: number, height: number): Promise<Buffer> {
  // Gradients with a cheap hash texture: photo-like detail without the cost of libvips' noise.
  const pixels = Buffer.allocUnsafe(width * height * 3);
  let seed = 0x9e3779b9;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const grain = (seed >>> 27) - 16;
      pixels[i] = ((x * 255) / width + grain) & 255;
      pixels[i + 1] = ((y * 255) / height + grain) & 255;
      pixels[i + 2] = (((x ^ y) >> 3) + grain) & 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'TC-1', DateTime: '2026:12:06 07:00:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2999/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4000/100',
      },
    })
    .toBuffer();
}

export const pngOf = (width: number, height: number, alpha = false): Promise<Buffer> =>
  sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 20, g: 120, b: 200, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
