/**
 * `npm run verify-proof FILE [--now]`: recomputes an exported answer proof's verdict offline (no
 * network, no app data) and says whether it matches the verdict the file states. Exit 0 when it
 * matches, 1 when it differs, 2 when the file cannot be read. `--now` judges at the current time
 * instead of the time the app judged it (certificates and collateral may have expired since).
 */
import { readFileSync } from 'node:fs';
import { checkProof } from '../main/attestation/proof';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (file === undefined) {
  process.stderr.write('usage: npm run verify-proof FILE [--now]\n');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const result = checkProof(text, args.includes('--now') ? new Date() : undefined);
if (result.problem !== null) {
  process.stderr.write(`${result.problem}\n`);
  process.exit(2);
}
process.stdout.write(`${result.lines.join('\n')}\n`);
process.exit(result.same ? 0 : 1);
