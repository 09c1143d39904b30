import type { ImageDetail } from '../contract';

/**
 * Image input tokens by OpenAI's published formula for GPT-4o-class models: `low` is a flat 85;
 * `high` fits the image in 2048×2048, scales its shorter side down to 768, and costs 170 per
 * 512-px tile plus 85. `auto` lets the provider choose; counted as `high`, the dearer case, so
 * the preflight never promises less than is billed.
 */
export function imageTokens(width: number, height: number, detail: ImageDetail): number {
  if (detail === 'low' || width <= 0 || height <= 0) return 85;
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shorter = Math.min(w, h);
  if (shorter > 768) {
    w = (w * 768) / shorter;
    h = (h * 768) / shorter;
  }
  const tiles = Math.ceil(Math.floor(w) / 512) * Math.ceil(Math.floor(h) / 512);
  return 85 + 170 * tiles;
}

/** Bytes a base64 data URL of `bytes` bytes takes on the wire (4 characters per 3 bytes). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
