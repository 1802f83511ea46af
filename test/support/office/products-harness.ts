/**
 * The real core on a fresh SQLite file with the demo manager signed in, for the products tests, and
 * helpers that write real .xlsx and .csv files the way Excel and other POS do.
 */
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Channel } from '../../../app/api/contract';
import { createCore } from '../../../app/host/create-core';
import { recordingLogger } from '../recording-logger';
import { signInDemoManager } from '../sign-in';
import { freshDataDir } from '../web-shell';

/** 2026-11-23 10:00 in Mexico City (UTC−6). */
export const T0 = Date.UTC(2026, 10, 23, 16);

export async function managerCore(dataDir = freshDataDir()) {
  const clock = { at: T0, now: () => clock.at };
  const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger, clock });
  await signInDemoManager(core);
  const call = async <T>(channel: Channel, args: unknown): Promise<T> => {
    const reply = await core.dispatch(channel, args);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  /** Reads the database beside the core (read-only), for what no channel shows. */
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(core.databaseFile, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return { core, clock, call, query, dataDir };
}

export type Cell = string | number | null | { formula: string; result: number | string };

/** An .xlsx whose first sheet holds `rows`; `merges` like 'F2:F3'. */
export async function xlsxBytes(rows: Cell[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hoja1');
  for (const row of rows) sheet.addRow(row);
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV as text (CRLF), for encoding by the test. */
export function csvText(rows: (string | number)[][]): string {
  return rows
    .map((row) =>
      row.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(','),
    )
    .join('\r\n');
}

export function fileArgs(fileName: string, bytes: Buffer | Uint8Array) {
  return { fileName, base64: Buffer.from(bytes).toString('base64') };
}
