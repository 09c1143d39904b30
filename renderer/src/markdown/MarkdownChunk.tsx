import { memo } from 'react';
import type { StableChunk } from './incremental';
import { stableChunkHtml } from './streamingCache';

/**
 * A settled run of blocks: its HTML never changes, so React never touches it again, but once when
 * KaTeX arrives (`math`, its generation) for formulas it showed as TeX until then.
 */
export const MarkdownChunk = memo(function MarkdownChunk({ chunk }: { chunk: StableChunk; math: number }) {
  return <div className="md-chunk" dangerouslySetInnerHTML={{ __html: stableChunkHtml(chunk) }} />;
});
