import type { AppError } from '../../../app/domain/result';
import type { CartSlice } from './cart.slice';
import type { CatalogSlice } from './catalog.slice';
import type { NoticesSlice } from './notices.slice';
import type { OfficeSlice } from './office/office.slice';
import type { PaymentSlice } from './payment.slice';
import type { ReceiptSlice } from './receipt.slice';
import type { SessionSlice } from './session.slice';
import type { SetupSlice } from './setup.slice';
import type { StatusSlice } from './status.slice';
import type { UiSlice } from './ui.slice';

/** The whole renderer state: a cache of the trusted side's truth plus what is purely visual. */
export type AppState = CartSlice &
  CatalogSlice &
  UiSlice &
  PaymentSlice &
  StatusSlice &
  SessionSlice &
  ReceiptSlice &
  NoticesSlice &
  OfficeSlice &
  SetupSlice;

/** zustand's set/get for one slice creator. */
export type SetState = (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;

/** A message for the cashier, chosen by i18n key so no text lives in the store. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The i18n key for an error: its reason when the core gave one (why, and what to do: issue 14),
 * else its code.
 */
export function errorKey(error: AppError): string {
  return error.reason ? `errors.reasons.${error.reason}` : `errors.${error.code}`;
}

/** What a manager's prompt says after a refused PIN: a cashier's PIN, or no manager's at all. */
export type ManagerPinRefusal = 'not_a_manager' | 'wrong_manager_pin';

/** The refusal of a PIN typed at a manager's prompt, from the core's reason. */
export function managerPinRefusal(error: AppError): ManagerPinRefusal {
  return error.reason === 'not_a_manager' ? 'not_a_manager' : 'wrong_manager_pin';
}
