/**
 * What a shell shows when Caja cannot start (issue 16, item 2): never a silent exit. The web shell
 * serves it as a page (web/failure-page.ts), the desktop as a dialog (electron/main/startup-failure.ts).
 * Spanish first (a store PC's user), with what to do; the technical message last, for support.
 */
import { DataDirLockedError } from './data-dir-lock';
import { StorePointerError } from './store-location';
import { DatabaseTooNewError, MigrationFailedError } from '../infra/db/migrate';

/** The kinds of start-up failure that have their own advice. */
export type StartupFailureKind =
  'locked' | 'too_new' | 'migration_failed' | 'disk_full' | 'store_pointer' | 'other';

/** A start-up failure, described for the person in front of the store PC. */
export interface StartupFailure {
  kind: StartupFailureKind;
  title: string;
  /** What happened, in one or two sentences. */
  summary: string;
  /** What to do, step by step. */
  steps: string[];
  /** The error's own message (no stack), for whoever gives support. */
  technical: string;
}

function isDiskFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  }
  return false;
}

/** Describes why the start failed; `dataDir` and `logsDir` are named so the user can find them. */
export function describeStartupFailure(error: unknown, dataDir: string, logsDir: string): StartupFailure {
  const technical = error instanceof Error ? error.message : String(error);
  const seeLogs = `Si el problema sigue, envíe a soporte los registros de ${logsDir}.`;
  if (error instanceof DataDirLockedError) {
    return {
      kind: 'locked',
      title: 'Caja ya está abierta',
      summary: error.message,
      steps: [
        'Busque la otra ventana de Caja (o la pestaña del navegador) y úsela.',
        `Si no la encuentra, cierre el proceso ${error.holder.pid} o reinicie la computadora y abra Caja de nuevo.`,
      ],
      technical,
    };
  }
  if (error instanceof DatabaseTooNewError) {
    return {
      kind: 'too_new',
      title: 'La base de datos es de una versión más nueva de Caja',
      summary: `Esta carpeta la usó una versión de Caja más reciente (esquema ${error.found}; esta versión llega al ${error.supported}). Abrirla con esta versión podría dañar las ventas guardadas, así que no se tocó nada.`,
      steps: ['Instale la versión más reciente de Caja y ábrala otra vez.', seeLogs],
      technical,
    };
  }
  if (isDiskFull(error)) {
    return {
      kind: 'disk_full',
      title: 'El disco está lleno',
      summary: `No queda espacio en el disco de ${dataDir}; Caja no puede guardar ventas así.`,
      steps: [
        'Libere espacio (vacíe la papelera, borre descargas que ya no necesite).',
        'Abra Caja otra vez. No borre nada dentro de la carpeta de datos de Caja.',
      ],
      technical,
    };
  }
  if (error instanceof MigrationFailedError) {
    return {
      kind: 'migration_failed',
      title: 'No se pudo actualizar la base de datos',
      summary: `La actualización ${error.version} no se completó y se deshizo: la base de datos quedó como estaba (versión ${error.from}). Antes de intentarlo, Caja guardó un respaldo en ${dataDir}/backups.`,
      steps: [
        'Vuelva a abrir la versión anterior de Caja si la tiene; sus datos están intactos.',
        `Llame a soporte y envíe los registros de ${logsDir}.`,
      ],
      technical,
    };
  }
  if (error instanceof StorePointerError) {
    return {
      kind: 'store_pointer',
      title: 'No se sabe qué tienda abrir',
      summary: error.message,
      steps: [seeLogs],
      technical,
    };
  }
  return {
    kind: 'other',
    title: 'Caja no pudo iniciar',
    summary: 'Ocurrió un error inesperado al abrir la tienda. No se borró nada.',
    steps: ['Cierre Caja y ábrala otra vez.', seeLogs],
    technical,
  };
}
