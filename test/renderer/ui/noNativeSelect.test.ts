import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The widget layer's rule in eslint.config.js: a screen or part never draws a native <select>
 * (its popup ignores the dark theme and our focus ring); it uses ui/Select. Only ui/ may, where
 * React Aria renders one hidden for form submission.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function nativeSelects(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

// Loading the config and the TypeScript parser takes seconds on a loaded machine: done once.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'renderer/src/features/shell/Warm.tsx' });
}, 120_000);

const withSelect = `export const Pick = () => (
  <select aria-label="Pick" value="a" onChange={() => {}}>
    <option value="a">a</option>
  </select>
);
`;

describe('no native <select> outside the widget layer', () => {
  it('refuses one in a feature and in a part, naming ui/Select', async () => {
    for (const file of ['renderer/src/features/usage/Example.tsx', 'renderer/src/parts/tools/Example.tsx']) {
      const messages = await nativeSelects(file, withSelect);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toMatch(/ui\/Select/);
    }
  });

  it('allows the widget layer itself, and ui/Select in a feature', async () => {
    expect(await nativeSelects('renderer/src/ui/Example.tsx', withSelect)).toEqual([]);
    const usingSelect = `import { Select } from '../../ui';
export const Pick = () => (
  <Select label="Pick" options={[{ id: 'a', label: 'a' }]} value="a" onChange={() => {}} />
);
`;
    expect(await nativeSelects('renderer/src/features/usage/Example.tsx', usingSelect)).toEqual([]);
  });
});
