import type { GatewayFailure, PaymentGateway } from '../ports/payment-gateway.port';

const refusal: GatewayFailure = {
  kind: 'rejected',
  responseCode: '001',
  httpStatus: 0,
  message: 'No Kushki environment is configured.',
};

/**
 * The gateway while no Kushki environment is set up: every call is refused before anything is
 * sent, so a card payment fails at once instead of hanging (cash still works).
 */
export function notConfiguredGateway(): PaymentGateway {
  return {
    push: async () => refusal,
    getStatus: async () => refusal,
    cancel: async () => refusal,
    refund: async () => refusal,
    hasKey: () => false,
  };
}
