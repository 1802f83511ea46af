/**
 * A fake Kushki Cloud Terminal API for unit tests of the payment engine: each operation answers
 * from a script, in order, the last answer repeating, and every call is recorded with the time the
 * engine's clock said. A fake, because these tests drive the engine without any HTTP at all; the
 * integration tests use the real simulator.
 */
import type { Clock } from '../../app/ports/clock.port';
import type {
  CancelOutcome,
  KushkiStatus,
  PaymentGateway,
  PushOutcome,
  PushRequest,
  RefundOutcome,
  StatusOutcome,
} from '../../app/ports/payment-gateway.port';

/** What the fake answers, per operation. */
export interface GatewayScript {
  push?: PushOutcome[];
  getStatus?: StatusOutcome[];
  cancel?: CancelOutcome[];
  refund?: RefundOutcome[];
}

/** One call the engine made. */
export interface GatewayCall {
  op: keyof GatewayScript;
  at: number;
  reference: string;
}

/** get-status found the request in `status` (Kushki's own dates left out unless given). */
export function found(
  status: KushkiStatus,
  dates: { creationDate?: string; updateDate?: string } = {},
): StatusOutcome {
  return {
    kind: 'found',
    view: {
      status,
      rawStatus: status,
      transactionId: status === 'CREATED' ? null : 'tx-1',
      creationDate: dates.creationDate ?? null,
      updateDate: dates.updateDate ?? null,
    },
  };
}

/** A gateway that answers from a script; see the file's comment. */
export class FakeScriptedGateway implements PaymentGateway {
  readonly calls: GatewayCall[] = [];
  readonly pushes: PushRequest[] = [];
  private readonly script: Required<GatewayScript>;

  constructor(
    private readonly clock: Clock,
    script: GatewayScript,
  ) {
    this.script = { push: [], getStatus: [], cancel: [], refund: [], ...script };
  }

  /** Replaces what an operation answers from now on. */
  answer<K extends keyof GatewayScript>(op: K, answers: Required<GatewayScript>[K]): void {
    this.script[op] = answers;
  }

  /** The times of the calls of one operation. */
  times(op: keyof GatewayScript): number[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.at);
  }

  async push(request: PushRequest): Promise<PushOutcome> {
    this.pushes.push(request);
    return this.next('push', request.uniqueReference);
  }

  async getStatus(uniqueReference: string): Promise<StatusOutcome> {
    return this.next('getStatus', uniqueReference);
  }

  async cancel(uniqueReference: string): Promise<CancelOutcome> {
    return this.next('cancel', uniqueReference);
  }

  async refund(uniqueReference: string): Promise<RefundOutcome> {
    return this.next('refund', uniqueReference);
  }

  private next<K extends keyof GatewayScript>(op: K, reference: string): Required<GatewayScript>[K][number] {
    this.calls.push({ op, at: this.clock.now(), reference });
    const answers = this.script[op];
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer === undefined) throw new Error(`the script has no answer for ${op}`);
    return answer;
  }
}
