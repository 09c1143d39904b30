import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { channels, events } from '../../main/contract';
import { channelNames, eventNames } from '../../main/contract/names';

/**
 * The preload and the bridge's shim run in the page before its first paint: they need the
 * contract's names only. Bundling the zod contract into them built every schema at start
 * (~200 ms of a cold start's page CPU on the profile that found it).
 */
describe('what the page loads before the app', () => {
  // The same bundling as scripts/build.mjs, from the sources, so a stale out/ cannot pass.
  const bundle = async (entry: string, format: 'cjs' | 'iife') => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      target: 'chrome130',
      format,
      external: ['electron'],
      logLevel: 'silent',
    });
    return {
      inputs: Object.keys(result.metafile.inputs),
      text: result.outputFiles.map((file) => file.text).join('\n'),
    };
  };

  it.each([
    ['the Electron preload', 'main/preload.ts', 'cjs'],
    ['the test bridge shim', 'test/bridge/shim.ts', 'iife'],
  ] as const)('%s holds no zod and no schema of the contract', async (_name, entry, format) => {
    const { inputs, text } = await bundle(entry, format);
    expect(inputs.filter((input) => input.includes('node_modules/zod'))).toEqual([]);
    expect(inputs).not.toContain('main/contract/index.ts');
    // zod's own class names, present in any bundle that carries it.
    expect(text).not.toContain('ZodError');
    expect(text).not.toContain('$ZodType');
    // …and yet every method is still there.
    expect(text).toContain('"threads:opening"');
  });

  it('lists exactly the channels and events the contract declares, once each', () => {
    const sorted = (names: readonly string[]) => [...names].sort();
    expect(sorted(channelNames)).toEqual(sorted(Object.keys(channels)));
    expect(sorted(eventNames)).toEqual(sorted(Object.keys(events)));
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect(new Set(eventNames).size).toBe(eventNames.length);
  });
});
