import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run on sources that break them: a feature reaching into
 * another feature's files, or into React Aria past the widget layer, fails lint (and so CI).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('features import each other only through their public entry', () => {
  it("refuses a file inside another feature (usage reaching into providers' files)", async () => {
    const messages = await restrictedImports(
      'renderer/src/features/usage/Example.tsx',
      "import { ErrorNote } from '../providers/ErrorNote';\nexport const x = ErrorNote;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/public entry/);
  });

  it('refuses the same reach written from the source root', async () => {
    const messages = await restrictedImports(
      'renderer/src/features/conversation/Example.tsx',
      "import { ModelChip } from '../../features/models/ModelChip';\nexport const x = ModelChip;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('allows the public entry, its own folder, ui/ and the store', async () => {
    const messages = await restrictedImports(
      'renderer/src/features/conversation/Example.tsx',
      [
        "import { ModelChip } from '../models';",
        "import { ExportMenu } from './ExportMenu';",
        "import { Button } from '../../ui/Button';",
        "import { useStore } from '../../store';",
        'export const x = [ModelChip, ExportMenu, Button, useStore];',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('refuses React Aria outside the widget layer, and allows it inside', async () => {
    const code = "import { Button } from 'react-aria-components';\nexport const x = Button;\n";
    expect(await restrictedImports('renderer/src/features/threads/Example.tsx', code)).toHaveLength(1);
    expect(await restrictedImports('renderer/src/ui/Example.tsx', code)).toEqual([]);
  });

  it('still applies the renderer rules inside a feature (no Node)', async () => {
    const messages = await restrictedImports(
      'renderer/src/features/tools/Example.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(messages).toHaveLength(1);
  });
});
