// Import boundaries per folder keep each file in its trust zone (see design/house-style.md, principle 5).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** A no-restricted-imports rule from a list of banned module names and path globs. */
function bannedImports(names, patterns, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message: why })),
        patterns: patterns.map((group) => ({ group: [group], message: why })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.tsbuild', 'test-results', 'playwright-report', 'release'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['app/**/*.ts'],
    rules: bannedImports(
      ['electron', 'react', 'react-dom'],
      ['**/renderer/**', '**/electron/**', '**/web/**'],
      'app/ is the core shared by both shells: no electron, react or renderer imports.',
    ),
  },
  {
    // Pure parts of the core are also compiled into the renderer: no Node, no infra.
    files: [
      'app/domain/**/*.ts',
      'app/api/contract.ts',
      'app/api/channels.ts',
      'app/api/office/*.contract.ts',
      'app/api/web-wire.ts',
      'app/ports/event-bus.port.ts',
    ],
    rules: bannedImports(
      ['electron', 'react', 'react-dom', 'axios', 'better-sqlite3', 'ws', ...nodeBuiltins],
      ['**/infra/**', '**/services/**', '**/host/**', '**/renderer/**'],
      'domain and the API contract are universal code: no Node built-ins, no I/O libraries.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...bannedImports(
        ['axios', 'better-sqlite3', 'ws', 'electron', ...nodeBuiltins],
        ['**/app/infra/**', '**/app/services/**', '**/app/host/**', '**/electron/**', '**/web/**'],
        'renderer/ is untrusted UI: it reaches main only through window.caja.',
      ),
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure policy of the desktop shell, unit-tested where the Electron binary cannot run: importing
    // 'electron' at run time there fails, so only its types are allowed.
    files: ['electron/main/navigation-guard.ts', 'electron/main/shell-policy.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Pure shell policy: type-only Electron imports, so unit tests run without the binary.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: bannedImports(
      ['better-sqlite3', 'axios', 'ws'],
      ['**/app/infra/**', '**/app/services/**', '**/app/host/**'],
      'The preload is a thin sandboxed bridge: contract channel names only.',
    ),
  },
);
