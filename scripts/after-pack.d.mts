import type { FuseV1Options } from '@electron/fuses';

/** The fuse settings the hook writes, one per fuse of the wire. */
export const CAJA_FUSES: Record<FuseV1Options, boolean>;

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The Electron executable electron-builder wrote for this platform (the .app bundle on macOS). */
export function packagedExecutable(context: AfterPackContextLike): string;

/** electron-builder's afterPack hook: flips the fuses. */
export default function afterPack(context: AfterPackContextLike): Promise<void>;
