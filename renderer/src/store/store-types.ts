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
import type { ErrorsSlice } from './errors.slice';

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
  SetupSlice &
  ErrorsSlice;

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

/** The i18n key for an error code. */
export function errorKey(error: AppError): string {
  return `errors.${error.code}`;
}
