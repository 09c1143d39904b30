import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run on sources that break them. A feature (a screen or
 * pane) imports no other feature; only the shell mounts them, through their public entry. What
 * one screen embeds in another lives in parts/, imported through its index.ts; a part never
 * imports a feature. React Aria only through the widget layer. A violation fails lint (and so CI).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// Loading the config and the TypeScript parser takes seconds on a loaded machine: done once,
// before the cases, with its own bounded allowance, so each case lints in milliseconds.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'renderer/src/features/shell/Warm.ts' });
}, 120_000);

const importing = (name: string, from: string) =>
  `import { ${name} } from '${from}';\nexport const x = ${name};\n`;

describe('a feature imports no other feature', () => {
  it("refuses another feature's public entry (the conversation embedding the usage screen)", async () => {
    const messages = await restrictedImports(
      'renderer/src/features/conversation/Example.tsx',
      importing('UsageScreen', '../usage'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/never imports another feature/);
  });

  it("refuses a file inside another feature (usage reaching into providers' files)", async () => {
    const messages = await restrictedImports(
      'renderer/src/features/usage/Example.tsx',
      importing('ProviderEditor', '../providers/ProviderEditor'),
    );
    expect(messages).toHaveLength(1);
  });

  it('refuses the same reach written from the source root', async () => {
    for (const from of ['../../features/tools', '../../features/tools/ToolsScreen']) {
      const messages = await restrictedImports(
        'renderer/src/features/inspector/Example.tsx',
        importing('ToolsScreen', from),
      );
      expect(messages, from).toHaveLength(1);
    }
  });

  it('lets the shell mount a screen through its public entry, but not reach into its files', async () => {
    expect(
      await restrictedImports(
        'renderer/src/features/shell/Example.tsx',
        importing('UsageScreen', '../usage'),
      ),
    ).toEqual([]);
    const deep = await restrictedImports(
      'renderer/src/features/shell/Example.tsx',
      importing('UsageScreen', '../usage/UsageScreen'),
    );
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/public entry/);
  });

  it('allows a part through its public entry, its own folder, ui/ and the store', async () => {
    const messages = await restrictedImports(
      'renderer/src/features/conversation/Example.tsx',
      [
        "import { ModelChip } from '../../parts/models';",
        "import { ExportMenu } from './ExportMenu';",
        "import { Button } from '../../ui/Button';",
        "import { useStore } from '../../store';",
        'export const x = [ModelChip, ExportMenu, Button, useStore];',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('refuses a file inside a part', async () => {
    const messages = await restrictedImports(
      'renderer/src/features/conversation/Example.tsx',
      importing('ModelChip', '../../parts/models/ModelChip'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/public entry/);
  });
});

describe('a part imports no feature, and other parts only through their entry', () => {
  it('refuses a feature, by its entry or a file inside it', async () => {
    for (const from of ['../../features/usage', '../../features/conversation/MessageView']) {
      const messages = await restrictedImports('renderer/src/parts/models/Example.tsx', importing('X', from));
      expect(messages, from).toHaveLength(1);
      expect(messages[0]).toMatch(/never imports a feature/);
    }
  });

  it("allows another part's entry and refuses a file inside it", async () => {
    expect(
      await restrictedImports('renderer/src/parts/settings/Example.tsx', importing('ModelChip', '../models')),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'renderer/src/parts/settings/Example.tsx',
        importing('ModelChip', '../models/ModelChip'),
      ),
    ).toHaveLength(1);
  });
});

describe('the renderer rules hold in every layer', () => {
  it('refuses React Aria outside the widget layer, and allows it inside', async () => {
    const code = importing('Button', 'react-aria-components');
    expect(await restrictedImports('renderer/src/features/threads/Example.tsx', code)).toHaveLength(1);
    expect(await restrictedImports('renderer/src/parts/tools/Example.tsx', code)).toHaveLength(1);
    expect(await restrictedImports('renderer/src/ui/Example.tsx', code)).toEqual([]);
  });

  it('refuses Node inside a feature and inside a part', async () => {
    const code = importing('readFileSync', 'node:fs');
    expect(await restrictedImports('renderer/src/features/tools/Example.ts', code)).toHaveLength(1);
    expect(await restrictedImports('renderer/src/parts/attachments/Example.ts', code)).toHaveLength(1);
  });
});
