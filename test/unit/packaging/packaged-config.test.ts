/**
 * The packaged configuration (issue 16, item 6), read from the files electron-builder uses: the
 * fuses the afterPack hook flips (run for real on a stand-in binary carrying Electron's fuse wire),
 * which packages ship in app.asar, and what the built main bundle does with CAJA_SQLITE_BINDING, the
 * app:// scheme and its CSP. The Electron binary cannot run here; these are the parts that can.
 */
import { build } from 'esbuild';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import afterPack, { CAJA_FUSES, packagedExecutable } from '../../../scripts/after-pack.mjs';
import { BUNDLE_EXTERNALS, nodeBundleOptions, RUNTIME_PROVIDED } from '../../../scripts/node-bundle.mjs';

interface BuilderConfig {
  afterPack?: string;
  asar?: boolean;
  files: string[];
  asarUnpack: string[];
  electronFuses?: unknown;
  publish: { provider: string; url: string };
  win: { target: string };
  linux: { target: string[] };
  mac: { target: string[] };
}

const builder = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Fuses the issue names, and the state each must have in a packaged Caja. */
const REQUIRED_FUSES: [keyof typeof FuseV1Options, boolean][] = [
  ['RunAsNode', false],
  ['EnableNodeOptionsEnvironmentVariable', false],
  ['EnableNodeCliInspectArguments', false],
  ['EnableCookieEncryption', true],
  ['EnableEmbeddedAsarIntegrityValidation', true],
  ['OnlyLoadAppFromAsar', true],
];
const WIRE_LENGTH = Object.values(FuseV1Options).filter((v) => typeof v === 'number').length;

/** A stand-in for an Electron executable: padding, the fuse sentinel, version 1, every fuse "inherit". */
function fakeElectron(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const wire = Buffer.from([1, WIRE_LENGTH, ...Array<number>(WIRE_LENGTH).fill(FuseState.DISABLE)]);
  // RunAsNode and the others start enabled, as in a stock Electron binary.
  wire.fill(FuseState.ENABLE, 2);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      wire,
      Buffer.alloc(64),
    ]),
  );
}

/** electron-builder's own check of a configuration against its schema (what `electron-builder` runs first). */
async function electronBuilderValidates(config: unknown): Promise<void> {
  const require = createRequire(import.meta.url);
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder.yml', () => {
  // app-builder-lib takes seconds to load on a loaded machine.
  it("is a configuration electron-builder's schema accepts (a misspelt key would not be)", async () => {
    await expect(electronBuilderValidates(builder)).resolves.toBeUndefined();
    await expect(
      electronBuilderValidates({ ...builder, linux: { ...builder.linux, mantainer: 'x' } }),
    ).rejects.toThrow(/Invalid configuration/);
  }, 60_000);

  it('flips the fuses in an afterPack hook, packs an asar and keeps the native module unpacked', () => {
    expect(builder.afterPack).toBe('./scripts/after-pack.mjs');
    // One place decides the fuses: electron-builder's own electronFuses would flip them a second time.
    expect(builder.electronFuses).toBeUndefined();
    expect(builder.asar).toBe(true);
    expect(builder.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(builder.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', '!dist/native/**', '!**/*.map']),
    );
  });

  it('builds NSIS, AppImage + deb, dmg (+ the zip macOS updates from) and writes latest*.yml', () => {
    expect(builder.win.target).toBe('nsis');
    expect(builder.linux.target).toEqual(['AppImage', 'deb']);
    expect(builder.mac.target).toEqual(['dmg', 'zip']);
    expect(builder.publish.provider).toBe('generic');
  });
});

describe('the afterPack hook', () => {
  it('decides every fuse of the wire, and the six the issue names as it says', () => {
    expect(Object.keys(CAJA_FUSES)).toHaveLength(WIRE_LENGTH);
    for (const [name, state] of REQUIRED_FUSES)
      expect([name, CAJA_FUSES[FuseV1Options[name]]]).toEqual([name, state]);
    // The page is served from app://, so file:// keeps no extra privileges.
    expect(CAJA_FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it.each([
    ['linux', 'caja'],
    ['win32', 'Caja.exe'],
  ])('flips the fuses of the %s executable electron-builder wrote', async (platform, file) => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'caja-afterpack-'));
    const context = {
      appOutDir,
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Caja' }, executableName: 'caja' },
    };
    expect(packagedExecutable(context)).toBe(join(appOutDir, file));
    fakeElectron(join(appOutDir, file));
    await afterPack(context);
    const wire = await getCurrentFuseWire(join(appOutDir, file));
    for (const [name, state] of REQUIRED_FUSES) {
      expect([name, wire[FuseV1Options[name]]]).toEqual([name, state ? FuseState.ENABLE : FuseState.DISABLE]);
    }
  });

  it('points at the framework inside the .app bundle on macOS', () => {
    const context = {
      appOutDir: '/out/mac-arm64',
      electronPlatformName: 'darwin',
      packager: { appInfo: { productFilename: 'Caja' } },
    };
    expect(packagedExecutable(context)).toBe(join('/out/mac-arm64', 'Caja.app'));
  });
});

describe('package.json', () => {
  it('ships only the modules the bundles leave external (minus Electron itself)', () => {
    const shipped = BUNDLE_EXTERNALS.filter((name) => !RUNTIME_PROVIDED.includes(name)).sort();
    expect(Object.keys(pkg.dependencies).sort()).toEqual(shipped);
    expect(shipped).toContain('better-sqlite3');
  });

  it('keeps Electron, the packager, the fuses and the bundled libraries in devDependencies', () => {
    for (const name of [
      'electron',
      'electron-builder',
      '@electron/fuses',
      'electron-updater',
      'react',
      'zod',
      'pino',
    ]) {
      expect([name, pkg.devDependencies[name]]).toEqual([name, expect.any(String)]);
    }
  });
});

describe('the built main bundle', () => {
  let bundle = '';
  let externals: string[] = [];

  beforeAll(async () => {
    // Built with the options scripts/build-node.mjs uses, into a temp dir (the test needs no prior build).
    const outfile = join(mkdtempSync(join(tmpdir(), 'caja-main-')), 'main.cjs');
    const result = await build({
      ...nodeBundleOptions(),
      entryPoints: ['electron/main/main.ts'],
      outfile,
      sourcemap: false,
      logLevel: 'silent',
      metafile: true,
    });
    bundle = readFileSync(outfile, 'utf8');
    externals = Object.values(result.metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((entry) => entry.external && !isBuiltin(entry.path))
      .map((entry) => entry.path);
  }, 120_000);

  it('requires at run time only Electron, the shipped dependencies and optional peers it does without', () => {
    // Optional native helpers their libraries require inside try/catch (ws, pg): absent, never needed.
    const optionalPeers = ['bufferutil', 'utf-8-validate', 'pg-native'];
    const required = [...new Set(externals)].filter((name) => !optionalPeers.includes(name)).sort();
    expect(required).toEqual([...RUNTIME_PROVIDED, ...Object.keys(pkg.dependencies)].sort());
  });

  it('reads CAJA_SQLITE_BINDING only through the packaged-build check', () => {
    const reads = bundle.match(/process\.env\.CAJA_SQLITE_BINDING/g) ?? [];
    expect(reads).toHaveLength(1);
    expect(bundle).toMatch(/sqliteBindingFor\(\s*\w+,\s*process\.env\.CAJA_SQLITE_BINDING/);
  });

  it('serves the page from the privileged app:// scheme with the CSP, not from file://', () => {
    expect(bundle).toContain('registerSchemesAsPrivileged');
    expect(bundle).toMatch(/protocol\.handle\(/);
    expect(bundle).toContain('"Content-Security-Policy": RENDERER_CSP');
    expect(bundle).not.toMatch(/pathToFileURL\([^)]*renderer/);
  });

  it('wires electron-updater without installing on quit', () => {
    expect(bundle).toMatch(/autoInstallOnAppQuit = false/);
    expect(bundle).toContain('provider: "generic"');
  });
});
