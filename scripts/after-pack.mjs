// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary, after the files are in place and before electron-builder signs it (a signature made
// before the flip would no longer match). Issue 16, item 6. The fuse bytes live in the executable
// itself (on macOS in the Electron Framework), so a packaged Caja cannot be turned back into a
// general-purpose Node or DevTools-debuggable runtime by an environment variable or a flag.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

/**
 * Every fuse of the wire, each decided (`strictlyRequireAllFuses`: an Electron that adds a fuse
 * fails the package build until someone decides about it here).
 */
export const CAJA_FUSES = {
  // ELECTRON_RUN_AS_NODE would make Caja's signed binary a plain Node for any script.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect, …) could inject code into the trusted process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar's hash (embedded by electron-builder on Windows and macOS) is checked at start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no app/ folder or loose files beside it can replace the code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Caja ships no custom V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The page is served from app:// (electron/main/app-protocol.ts): file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default (V8's WebAssembly trap handlers); Caja has no reason to change it.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The Electron executable electron-builder wrote for this platform (the .app bundle on macOS). */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    default:
      // Linux names the binary after executableName (lower case by default), not the product.
      return join(appOutDir, packager.executableName ?? productFilename);
  }
}

/** The hook electron-builder calls once per platform and architecture. */
export default async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(packagedExecutable(context), {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping bytes breaks the ad-hoc signature an arm64 Mac needs to run at all; electron-builder's
    // real signature (when configured) comes after this hook.
    resetAdHocDarwinSignature: darwin,
    ...CAJA_FUSES,
  });
}
