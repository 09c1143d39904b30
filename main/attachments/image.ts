import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';

/**
 * Images are decoded, turned upright, downscaled to the provider's limits and re-encoded by sharp
 * (libvips). Its work runs on libuv's thread pool, so main's event loop only dispatches it.
 * Re-encoding keeps pixels only: EXIF (camera, time, GPS), XMP and IPTC are not written.
 */

export interface ImageLimits {
  maxEdge: number;
  maxBytes: number;
}

export interface PreparedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  original: { width: number; height: number };
  size: { width: number; height: number };
  notes: string[];
  /** A small JPEG data URL for the chip and the conversation. */
  thumbnail: string;
}

export class ImageRefusal extends Error {}

// libvips would use every core; one is left to main's thread, so the window's IPC and the
// streams' deltas are not starved while a photo is prepared.
sharp.concurrency(Math.max(1, availableParallelism() - 1));

/** Pixels decoded at most (sharp's own default is 268 MP): a 20,000 × 20,000 image is refused. */
const MAX_PIXELS = 100_000_000;
const THUMB_EDGE = 96;

/** Whether an EXIF block (as sharp returns it: "Exif\0\0" + TIFF) has a GPS directory in IFD0. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif || exif.length < 14) return false;
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const order = exif.subarray(tiff, tiff + 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return false;
  const le = order === 'II';
  const u16 = (at: number): number => (le ? exif.readUInt16LE(at) : exif.readUInt16BE(at));
  const u32 = (at: number): number => (le ? exif.readUInt32LE(at) : exif.readUInt32BE(at));
  try {
    const ifd = tiff + u32(tiff + 4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      if (u16(ifd + 2 + i * 12) === 0x8825) return true;
    }
  } catch {
    // A damaged EXIF block: nothing readable in it, and it is dropped anyway.
  }
  return false;
}

function outputFormat(format: string): PreparedImage['mime'] {
  if (format === 'webp') return 'image/webp';
  if (format === 'jpeg') return 'image/jpeg';
  // PNG and the first frame of a GIF stay lossless; without transparency a too-big one becomes JPEG below.
  return 'image/png';
}

function encode(pipeline: Sharp, mime: PreparedImage['mime'], quality: number): Sharp {
  if (mime === 'image/jpeg') return pipeline.jpeg({ quality, chromaSubsampling: '4:2:0' });
  if (mime === 'image/webp') return pipeline.webp({ quality });
  return pipeline.png({ compressionLevel: 6 });
}

function describeDecodeError(format: string, error: unknown): ImageRefusal {
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) {
    return new ImageRefusal(
      `the image has more than ${MAX_PIXELS / 1_000_000} megapixels; scale it down first`,
    );
  }
  if (/truncat|premature|end of|unexpected end|corrupt|invalid|bad|read error/i.test(text)) {
    return new ImageRefusal(`the ${format.toUpperCase()} is truncated or damaged (${text.split('\n')[0]})`);
  }
  return new ImageRefusal(`the ${format.toUpperCase()} could not be decoded (${text.split('\n')[0]})`);
}

export async function prepareImage(
  bytes: Uint8Array,
  format: 'png' | 'jpeg' | 'gif' | 'webp',
  limits: ImageLimits,
): Promise<PreparedImage> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options: SharpOptions = { failOn: 'truncated', limitInputPixels: MAX_PIXELS, pages: 1 };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (error) {
    throw describeDecodeError(format, error);
  }
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  const notes: string[] = [];
  const frames = meta.pages ?? 1;
  if (frames > 1) notes.push(`first frame of ${frames} (animated ${format.toUpperCase()})`);
  const gps = exifHasGps(meta.exif) || /GPSLatitude|GPSLongitude/.test(meta.xmpAsString ?? '');
  if (gps) notes.push('location removed');
  else if (meta.exif || meta.xmp || meta.iptc) notes.push('camera data removed');

  let mime = outputFormat(format);
  let edge = Math.min(limits.maxEdge, Math.max(width, height));
  let quality = 85;
  for (let attempt = 0; ; attempt++) {
    let out: { data: Buffer; info: OutputInfo };
    try {
      const pipeline = sharp(input, options)
        .autoOrient()
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
      out = await encode(pipeline, mime, quality).toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw describeDecodeError(format, error);
    }
    if (out.data.length <= limits.maxBytes || attempt >= 6) {
      if (out.data.length > limits.maxBytes) {
        throw new ImageRefusal(
          `even at ${out.info.width}×${out.info.height} it is ${(out.data.length / 1e6).toFixed(1)} MB, over this provider's ${(limits.maxBytes / 1e6).toFixed(1)} MB per image`,
        );
      }
      const thumb = await sharp(out.data)
        .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 60 })
        .toBuffer();
      if (out.info.width !== width || out.info.height !== height) {
        notes.unshift(`${width}×${height} → ${out.info.width}×${out.info.height}`);
      }
      return {
        data: out.data,
        mime,
        original: { width, height },
        size: { width: out.info.width, height: out.info.height },
        notes,
        thumbnail: `data:image/jpeg;base64,${thumb.toString('base64')}`,
      };
    }
    // Over the byte limit: a lossless image without transparency becomes JPEG, then quality, then size.
    if (mime === 'image/png' && !meta.hasAlpha) mime = 'image/jpeg';
    else if (mime !== 'image/png' && quality > 60) quality -= 12;
    else edge = Math.max(256, Math.round(edge * 0.75));
  }
}
