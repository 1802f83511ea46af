// pino-roll ships no types; this is the part of its API Caja uses (pino-roll.js, v4).
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  interface PinoRollOptions {
    file: string;
    extension?: string;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    size?: string | number;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
    mkdir?: boolean;
    sync?: boolean;
    mode?: number;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom>;
}
