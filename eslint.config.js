// Import boundaries per folder keep each file in its trust zone (see design/house-style.md, principle 5).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * A no-restricted-imports rule that is the union of several ban sets, each with its own message. A
 * module name or pattern in two sets is kept once (the first set's message wins): the rule reports
 * once per matching entry, and one bad import should be one error. A pattern is a glob, or a group
 * of globs that re-allows something with `!` (see EVENT_BUS_PORT).
 */
function restrictedImports(sets) {
  const paths = new Map();
  const patterns = new Map();
  for (const set of sets) {
    for (const name of set.names ?? []) if (!paths.has(name)) paths.set(name, set.why);
    for (const pattern of set.patterns ?? []) {
      const group = [pattern].flat();
      if (!patterns.has(group[0])) patterns.set(group[0], { group, message: set.why });
    }
  }
  return {
    'no-restricted-imports': [
      'error',
      { paths: [...paths].map(([name, message]) => ({ name, message })), patterns: [...patterns.values()] },
    ],
  };
}

/** One zone of app/: the files it covers and the union of the ban sets that apply to them. */
function appZone(files, sets, { ignores = [] } = {}) {
  return { files, ...(ignores.length > 0 ? { ignores } : {}), rules: restrictedImports(sets) };
}

/** A no-restricted-imports rule from a list of banned module names and path globs. */
function bannedImports(names, patterns, why) {
  return restrictedImports([{ names, patterns, why }]);
}

const IO_LIBRARIES = ['axios', 'better-sqlite3', 'ws'];
// Every library in package.json, so a new one is banned from domain at once. Both lists: the
// bundled libraries are devDependencies (issue 16, item 6), only the external ones dependencies.
const PACKAGE_JSON = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const RUNTIME_LIBRARIES = [
  ...Object.keys(PACKAGE_JSON.dependencies),
  ...Object.keys(PACKAGE_JSON.devDependencies),
];

/** Every file of app/: the core shared by both shells. */
const CORE = {
  names: ['electron', 'react', 'react-dom'],
  patterns: ['**/renderer/**', '**/electron/**', '**/web/**'],
  why: 'app/ is the core shared by both shells: no electron, react or renderer imports.',
};
/** Code the renderer compiles too (domain and parts of the contract). */
const UNIVERSAL = {
  names: [...IO_LIBRARIES, ...nodeBuiltins],
  patterns: ['**/infra/**', '**/services/**', '**/host/**'],
  why: 'domain and the API contract are universal code: no Node built-ins, no I/O libraries.',
};
/** app/domain: types and pure functions, below every other layer. */
const DOMAIN = {
  names: RUNTIME_LIBRARIES,
  patterns: [
    '**/ports/**',
    '**/services/**',
    '**/api/**',
    '**/infra/**',
    '**/host/**',
    '**/simulator/**',
    '**/relay/**',
  ],
  why: 'app/domain imports nothing outside app/domain: no ports, services, api, infra, host or libraries.',
};
/** app/ports: the interfaces services need, in domain terms only. */
const PORTS = {
  names: [...IO_LIBRARIES, ...nodeBuiltins],
  patterns: ['**/infra/**', '**/services/**', '**/host/**', '**/api/**'],
  why: 'app/ports may import only app/domain: a port is an interface in domain terms.',
};
/**
 * The event bus carries exactly the contract's events, so its port alone may read their types from
 * app/api/contract (universal, type-only code); the rest of app/api stays out of its reach.
 */
const EVENT_BUS_PORT = {
  ...PORTS,
  patterns: PORTS.patterns.map((p) => (p === '**/api/**' ? [p, '!**/api/contract'] : p)),
};
/** app/services: use cases on injected ports. */
const SERVICES = {
  names: IO_LIBRARIES,
  patterns: ['**/infra/**', '**/host/**'],
  why: 'app/services reach storage and I/O through app/ports only: app/host builds the adapters and injects them.',
};
/** Services sit below the API: handlers call them, never the other way. */
const SERVICES_BELOW_API = {
  patterns: ['**/api/**'],
  why: 'app/services never import app/api: a type they share with the contract lives in app/domain.',
};
/** app/api: the contract, its schemas, dispatch and handlers, which call services. */
const API = {
  names: IO_LIBRARIES,
  patterns: ['**/infra/**', '**/host/**'],
  why: 'app/api calls services and may use ports and domain, never app/infra: app/host builds the adapters and services and hands handlers the services.',
};
/** app/infra: adapters that implement ports. */
const INFRA = {
  patterns: ['**/services/**', '**/api/**', '**/host/**'],
  why: 'app/infra implements app/ports in domain terms: it never imports services, api or host.',
};
/** Contract files the renderer compiles (see renderer/tsconfig.json). */
const UNIVERSAL_API = [
  'app/api/contract.ts',
  'app/api/channels.ts',
  'app/api/office/*.contract.ts',
  'app/api/web-wire.ts',
];

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
  // [Note: layer rules]
  // The core's import direction (VS Code's layer rules): api → services → ports ← infra, domain
  // below all of them, host wiring everything. A later config object for the same file REPLACES an
  // earlier no-restricted-imports, so every app/ file matches exactly one zone below, whose list is
  // the union of the bans that apply to it (see appZone).
  appZone(['app/**/*.ts'], [CORE], {
    ignores: ['app/domain/**', 'app/ports/**', 'app/services/**', 'app/api/**', 'app/infra/**'],
  }),
  appZone(['app/domain/**/*.ts'], [CORE, DOMAIN, UNIVERSAL]),
  appZone(['app/ports/**/*.ts'], [CORE, PORTS], { ignores: ['app/ports/event-bus.port.ts'] }),
  appZone(['app/ports/event-bus.port.ts'], [CORE, EVENT_BUS_PORT]),
  appZone(['app/services/**/*.ts'], [CORE, SERVICES, SERVICES_BELOW_API]),
  appZone(['app/api/**/*.ts'], [CORE, API], { ignores: UNIVERSAL_API }),
  // Parts of the contract are also compiled into the renderer: no Node, no infra.
  appZone(UNIVERSAL_API, [CORE, API, UNIVERSAL]),
  appZone(['app/infra/**/*.ts'], [CORE, INFRA]),
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
    // [Note: renderer API callers] The store's slices (renderer/src/store) are the only callers of
    // the API, the bridge (renderer/src/bridge) the only listener to its events: a screen reads the
    // store and calls its actions, so every answer lands in one cache that one place invalidates.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='invoke']",
          message: 'Screens never call the API: add an action to a store slice (renderer/src/store).',
        },
        {
          selector: "MemberExpression[object.name='window'][property.name='caja']",
          message: 'Screens never touch the bridge: read the store and call its actions.',
        },
        {
          selector: "MemberExpression[property.name='api']",
          message: 'Screens never hold the API: read the store and call its actions.',
        },
      ],
    },
  },
  {
    // Pure policy of the desktop shell, unit-tested where the Electron binary cannot run: importing
    // 'electron' at run time there fails, so only its types are allowed.
    files: [
      'electron/main/navigation-guard.ts',
      'electron/main/shell-policy.ts',
      'electron/main/app-protocol-policy.ts',
    ],
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
