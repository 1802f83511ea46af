/**
 * The desktop's start-up failure (issue 16, item 2): a native dialog in Spanish with what happened
 * and what to do (app/host/startup-failure.ts), then a clean exit with status 1 — never a silent
 * exit. Shown before any window exists, so it works however far the start got.
 */
import { dialog } from 'electron';
import type { StartupFailure } from '../../app/host/startup-failure';

/** Shows the failure and waits for the user to close it. */
export function showStartupFailure(failure: StartupFailure): void {
  const steps = failure.steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  dialog.showMessageBoxSync({
    type: 'error',
    title: `Caja: ${failure.title}`,
    message: failure.title,
    detail: `${failure.summary}\n\nQué hacer:\n${steps}\n\nDetalle técnico: ${failure.technical}`,
    buttons: ['Cerrar Caja'],
    noLink: true,
  });
}
