import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Bare Node module names match exactly (a relative `./path` module is fine); `node:*` by pattern. */
const NODE_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'module',
];

/** The thin shell: the only files that may import electron. */
const ELECTRON_SHELL = [
  'main/index.ts',
  'main/window.ts',
  'main/protocol.ts',
  'main/preload.ts',
  'main/ipc/electron.ts',
];

const restrict = (patterns, message, names = []) => [
  'error',
  { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
];

/** What no renderer file may import: the sandbox has no Node and reaches main only by IPC. */
const RENDERER_PATTERNS = [
  'electron',
  'electron/*',
  'node:*',
  '**/main/**',
  '!**/main/contract',
  '!**/main/contract/**',
];
const RENDERER_MESSAGE = 'The renderer reaches main only through window.api (renderer/src/bridge).';
const rendererRule = restrict(RENDERER_PATTERNS, RENDERER_MESSAGE, NODE_MODULES);

const dirsIn = (folder) =>
  readdirSync(new URL(folder, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * Three layers under the widget layer (renderer/src/ui/README.md has the table):
 * - features/<x>: a screen or pane. It imports ui/, platform/, store/, bridge/, markdown/, the
 *   contract, parts/ (each through its index.ts) and its own folder, never another feature: the
 *   shell (features/shell, the composition root) is the only one that mounts screens and panes,
 *   through their public entry.
 * - parts/<x>: a domain piece screens embed in one another (a model chip, a message's tool calls,
 *   attachment chips). It imports what a feature may, other parts through their index.ts, never
 *   a feature.
 * - React Aria only through ui/.
 */
const FEATURES = dirsIn('./renderer/src/features/');
const PARTS = dirsIn('./renderer/src/parts/');
const ARIA = {
  group: ['react-aria-components', 'react-aria-components/*', 'react-aria', 'react-aria/*'],
  message: 'Features and parts use the widget layer (renderer/src/ui), never React Aria directly.',
};
/** Another part only through its public entry ('../../parts/models', never a file inside it). */
const partEntryOnly = (own) => ({
  group: own
    ? PARTS.filter((other) => other !== own).flatMap((other) => [`../${other}/*`, `**/parts/${other}/*`])
    : ['**/parts/*/*'],
  message:
    "A part is imported only through its public entry ('parts/<part>', its index.ts), never a file inside it.",
});
const layerRule = (...extra) => [
  'error',
  { ...rendererRule[1], patterns: [...rendererRule[1].patterns, ...extra, ARIA] },
];
const featureRule = (own) =>
  layerRule(
    own === 'shell'
      ? {
          group: FEATURES.filter((other) => other !== own).flatMap((other) => [
            `../${other}/*`,
            `**/features/${other}/*`,
          ]),
          message: "The shell mounts a screen through its public entry ('../<feature>', its index.ts).",
        }
      : {
          group: FEATURES.filter((other) => other !== own).flatMap((other) => [
            `../${other}`,
            `../${other}/**`,
            `**/features/${other}`,
            `**/features/${other}/**`,
          ]),
          message:
            'A feature never imports another feature: a piece two screens show belongs in parts/ (or ui/ if it is generic), and only the shell mounts screens.',
        },
    partEntryOnly(null),
  );
const partRule = (own) =>
  layerRule(
    {
      group: ['**/features', '**/features/**'],
      message: 'A part never imports a feature: screens embed parts, not the other way round.',
    },
    partEntryOnly(own),
  );

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'release/**', 'dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ELECTRON_SHELL,
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', 'react', 'react-dom'],
        'Services stay Electron-free: inject what you need from the thin shell.',
      ),
    },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', 'react', 'react-dom', 'node:*', '../*', '!./*'],
        'The contract imports nothing runtime-specific: no Electron, Node, React or the DOM.',
        NODE_MODULES,
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': rendererRule,
      'no-restricted-globals': [
        'error',
        { name: 'require', message: 'No Node in the renderer.' },
        { name: 'process', message: 'No Node in the renderer.' },
      ],
    },
  },
  {
    // The store points one way: features read and call the store, the store never imports a
    // feature (its pure logic lives beside its slice in store/<slice>/), so there is no cycle.
    // A later config replaces the rule's options, so the renderer's own patterns are repeated.
    files: ['renderer/src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rendererRule[1],
          patterns: [
            ...rendererRule[1].patterns,
            {
              group: ['**/features', '**/features/**'],
              message: 'The store never imports features/: move the logic it needs under store/<slice>/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The first paint's script (renderer/src/paint, built into first-paint.js) runs before React and
    // the rest are loaded: it stays a few KB only if its folder imports nothing of the app but the
    // list of threads that broke the window.
    files: ['renderer/src/paint/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|\\.\\./platform/renderFailures$)',
              message:
                'renderer/src/paint imports only its own folder and platform/renderFailures: it is built into the few-KB script that draws before the app loads.',
            },
          ],
        },
      ],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': featureRule(feature) },
  })),
  ...PARTS.map((part) => ({
    files: [`renderer/src/parts/${part}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': partRule(part) },
  })),
  {
    // One select for the whole app: ui/Select (React Aria) follows the dark theme, shows our focus
    // ring and walks by keyboard like every other list; a native <select> does none of that.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/ui/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='select']",
          message: "Use the widget layer's Select (renderer/src/ui/Select.tsx), not a native <select>.",
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
