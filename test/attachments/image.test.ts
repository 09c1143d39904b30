import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageRefusal, exifHasGps, prepareImage } from '../../main/attachments/image';
import { pngOf, photoWithGps } from './support/photo';

const DEFAULTS = { maxEdge: 2048, maxBytes: 5 * 1024 * 1024 };

describe('images are downscaled and stripped before they are stored or sent', () => {
  it(
    'fits a 4032×3024 photo with GPS tags into 2048×1536, removes its EXIF and says so',
    { timeout: 60_000 },
    async () => {
      const photo = await photoWithGps(4032, 3024);
      expect(exifHasGps((await sharp(photo).metadata()).exif)).toBe(true);

      const out = await prepareImage(photo, 'jpeg', DEFAULTS);

      expect(out.size).toEqual({ width: 2048, height: 1536 });
      expect(out.original).toEqual({ width: 4032, height: 3024 });
      expect(out.notes).toEqual(['4032×3024 → 2048×1536', 'location removed']);
      const meta = await sharp(out.data).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 2048, height: 1536 });
      expect(meta.exif).toBeUndefined();
      expect(out.data.includes(Buffer.from('TestCam'))).toBe(false);
      expect(out.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    },
  );

  it('keeps a small image at its size and a transparent PNG lossless', async () => {
    const out = await prepareImage(await pngOf(300, 200, true), 'png', DEFAULTS);
    expect(out.size).toEqual({ width: 300, height: 200 });
    expect(out.mime).toBe('image/png');
    expect(out.notes).toEqual([]);
  });

  it('follows a smaller per-provider edge and byte limit', async () => {
    const out = await prepareImage(await photoWithGps(1600, 1200), 'jpeg', {
      maxEdge: 1024,
      maxBytes: 120_000,
    });
    expect(Math.max(out.size.width, out.size.height)).toBeLessThanOrEqual(1024);
    expect(out.data.length).toBeLessThanOrEqual(120_000);
  });

  it('refuses a truncated PNG with that reason', async () => {
    const png = await pngOf(640, 480);
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    await expect(prepareImage(truncated, 'png', DEFAULTS)).rejects.toThrow(ImageRefusal);
    await expect(prepareImage(truncated, 'png', DEFAULTS)).rejects.toThrow(/PNG is truncated or damaged/);
  });

  it('sends the first frame of an animated GIF and says how many there were', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const frames = [await frame('#c00'), await frame('#0c0'), await frame('#00c')];
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const out = await prepareImage(gif, 'gif', DEFAULTS);
    expect(out.size).toEqual({ width: 64, height: 64 });
    expect(out.notes[0]).toMatch(/^first frame of 3/);
  });
});
