// Run by hostile-memory.bench.ts in a fresh process, so its peak RSS is only main's network path
// reading the three hostile answers (the server that sends them lives in the parent).
import { HOSTILE_PATHS, readHostile } from '../hostile/scenarios';

const origin = process.argv[2] ?? '';
const cuts: Record<string, { bytesRead: number; message: string }> = {};
for (const [name, path] of Object.entries(HOSTILE_PATHS)) {
  const result = await readHostile(origin, path);
  cuts[name] = { bytesRead: result.bytesRead ?? -1, message: result.failure?.message ?? 'not cut' };
}
// resourceUsage().maxRSS is in kilobytes and covers the whole life of this process.
process.stdout.write(`${JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024, cuts })}\n`);
