import type { PaymentGateway } from '../../../app/ports/payment-gateway.port';

/** The real gateway with some calls replaced (a hang, a lost answer, Kushki out of reach). */
export function passThrough(base: PaymentGateway, override: Partial<PaymentGateway> = {}): PaymentGateway {
  return {
    push: (r) => base.push(r),
    getStatus: (ref) => base.getStatus(ref),
    cancel: (ref, serial) => base.cancel(ref, serial),
    refund: (ref, amount) => base.refund(ref, amount),
    ...override,
  };
}
