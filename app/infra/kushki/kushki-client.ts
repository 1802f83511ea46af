/**
 * Kushki Cloud Terminal API over axios. The key is read from the secret store on every request and
 * exists only in the outgoing header: axios errors are reduced to a reason string inside this file,
 * so no `config` (which carries X-BP-AUTH) ever reaches a log, an error or the renderer.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { centavosToDecimalString, type Centavos } from '../../domain/money';
import type {
  CancelOutcome,
  GatewayFailure,
  PaymentGateway,
  PrintOutcome,
  PushOutcome,
  PushRequest,
  RefundOutcome,
  StatusOutcome,
  TicketBlock,
  TicketPrinter,
} from '../../ports/payment-gateway.port';
import { DEFAULT_KUSHKI_PATHS, type KushkiPaths } from './kushki-environments';
import { cancelRefusedBody, errorBody, firstMessage, statusBody, statusView } from './kushki-responses';

/** How the client reaches Kushki. */
export interface KushkiClientOptions {
  baseUrl: string;
  /** Reads the X-BP-AUTH key at call time, so a replaced key takes effect at once. */
  apiKey: () => string | undefined;
  paths?: Partial<KushkiPaths>;
  /** Idle timeout: the socket silent this long ends the request; the outcome is uncertain, never failed. */
  timeoutMs?: number;
  /**
   * Total deadline per request, however busy the socket: axios's `timeout` is an idle timeout, so a
   * server trickling one byte at a time held a payment for as long as it liked. Past it: uncertain.
   */
  deadlineMs?: number;
}

/** Idle and total limits unless configured: a healthy Kushki answers in well under a second. */
const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
const DEFAULT_DEADLINE_MS = 15_000;

const DUPLICATES = new Set(['004', '005', '006', '007']);
// 100 "could not register the reference, retry": a retry with the same reference is safe.
const RETRYABLE_CODES = new Set(['100']);

/** Reduces anything axios threw to a short reason without URLs, headers or bodies. */
function transportReason(error: unknown): string {
  // The only signal a request carries is its deadline, so a cancel is always the deadline firing.
  if (axios.isCancel(error)) return 'timeout';
  if (axios.isAxiosError(error)) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return 'timeout';
    return `network error (${error.code ?? 'unknown'})`;
  }
  return 'network error';
}

/** Classifies a non-success HTTP answer: Kushki's documented refusals, else uncertain. */
function classifyFailure(response: AxiosResponse<unknown>): GatewayFailure {
  const parsed = errorBody.safeParse(response.data);
  if (parsed.success && !RETRYABLE_CODES.has(parsed.data.responseCode) && response.status < 500) {
    return {
      kind: 'rejected',
      responseCode: parsed.data.responseCode,
      httpStatus: response.status,
      message: firstMessage(parsed.data),
    };
  }
  if (parsed.success && parsed.data.responseCode === '101') {
    // §8 #2 allows 503 for "terminal offline": still a definite refusal, not a maybe.
    return {
      kind: 'rejected',
      responseCode: '101',
      httpStatus: response.status,
      message: firstMessage(parsed.data),
    };
  }
  return { kind: 'uncertain', reason: `HTTP ${response.status}` };
}

/** The axios adapter of the PaymentGateway port. */
export class KushkiHttpClient implements PaymentGateway, TicketPrinter {
  private readonly http: AxiosInstance;
  private readonly paths: KushkiPaths;

  constructor(private readonly options: KushkiClientOptions) {
    this.paths = { ...DEFAULT_KUSHKI_PATHS, ...options.paths };
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      // Every HTTP status is an answer to classify here; only transport failures throw.
      validateStatus: () => true,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      maxRedirects: 0,
      maxContentLength: 1024 * 1024,
    });
    // The key is added per request and never stored on the instance's defaults.
    this.http.interceptors.request.use((config) => {
      config.headers.set('X-BP-AUTH', this.options.apiKey() ?? '');
      return config;
    });
  }

  hasKey(): boolean {
    return Boolean(this.options.apiKey());
  }

  private async send(
    method: 'get' | 'post',
    path: string,
    body?: unknown,
  ): Promise<AxiosResponse<unknown> | string | GatewayFailure> {
    if (!this.options.apiKey()) {
      // Nothing was sent, so this is a definite refusal, not a maybe.
      return {
        kind: 'rejected',
        responseCode: '001',
        httpStatus: 0,
        message: 'No Kushki key is configured.',
      };
    }
    // A fresh signal per request: the deadline covers connect, headers and the whole body.
    const signal = AbortSignal.timeout(this.options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    try {
      return method === 'get'
        ? await this.http.get(path, { signal })
        : await this.http.post(path, body, { signal });
    } catch (error) {
      return transportReason(error);
    }
  }

  async push(request: PushRequest): Promise<PushOutcome> {
    const body = {
      serialNumber: request.serialNumber,
      amount: Number(centavosToDecimalString(request.amount)),
      // Kushki's demo sends tip only when positive; amount excludes the tip (§2.2).
      ...(request.tip > 0 ? { tip: Number(centavosToDecimalString(request.tip)) } : {}),
      msi: request.msi,
      identifier: request.identifier,
      uniqueReference: request.uniqueReference,
      description: request.description,
      showNotification: false,
      ttl: request.ttlSeconds,
    };
    const response = await this.send('post', this.paths.push, body);
    if (typeof response === 'string') return { kind: 'uncertain', reason: response };
    if (!('status' in response)) return response;
    // §8 #1: any 2xx means queued, whatever the body says.
    if (response.status >= 200 && response.status < 300) return { kind: 'queued' };
    const parsed = errorBody.safeParse(response.data);
    if (parsed.success && DUPLICATES.has(parsed.data.responseCode)) {
      return { kind: 'duplicate', responseCode: parsed.data.responseCode as '004' | '005' | '006' | '007' };
    }
    return classifyFailure(response);
  }

  async getStatus(uniqueReference: string): Promise<StatusOutcome> {
    const path = `${this.paths.status}?uniqueReference=${encodeURIComponent(uniqueReference)}`;
    const response = await this.send('get', path);
    if (typeof response === 'string') return { kind: 'uncertain', reason: response };
    if (!('status' in response)) return response;
    if (response.status === 404) return { kind: 'not_found' };
    if (response.status === 200) {
      const parsed = statusBody.safeParse(response.data);
      return parsed.success
        ? { kind: 'found', view: statusView(parsed.data) }
        : { kind: 'uncertain', reason: 'get-status answered 200 with an unreadable body' };
    }
    return classifyFailure(response);
  }

  async cancel(uniqueReference: string, serialNumber: string): Promise<CancelOutcome> {
    const response = await this.send('post', this.paths.cancel, { uniqueReference, serialNumber });
    if (typeof response === 'string') return { kind: 'uncertain', reason: response };
    if (!('status' in response)) return response;
    if (response.status >= 200 && response.status < 300) return { kind: 'cancelled' };
    if (response.status === 422) {
      const parsed = cancelRefusedBody.safeParse(response.data);
      if (parsed.success) return { kind: 'not_cancellable', view: statusView(parsed.data) };
    }
    return classifyFailure(response);
  }

  async refund(uniqueReference: string, amount?: Centavos): Promise<RefundOutcome> {
    // §2.5 a: `refundAmount` below the charge makes it partial; formatted from centavos only here.
    const body =
      amount === undefined
        ? { uniqueReference }
        : { uniqueReference, refundAmount: Number(centavosToDecimalString(amount)) };
    const response = await this.send('post', this.paths.refund, body);
    if (typeof response === 'string') return { kind: 'uncertain', reason: response };
    if (!('status' in response)) return response;
    if (response.status >= 200 && response.status < 300) return { kind: 'requested' };
    if (response.status === 422) {
      // Shaped like cancel's refusal (§2.4): the request's current state tells why.
      const parsed = cancelRefusedBody.safeParse(response.data);
      if (parsed.success) return { kind: 'not_refundable', view: statusView(parsed.data) };
      return {
        kind: 'rejected',
        responseCode: '422',
        httpStatus: 422,
        message: 'not refundable in its current state',
      };
    }
    return classifyFailure(response);
  }

  async printTicket(serialNumber: string, blocks: TicketBlock[]): Promise<PrintOutcome> {
    const response = await this.send('post', this.paths.print, { serialNumber, ticketData: blocks });
    if (typeof response === 'string') return { kind: 'uncertain', reason: response };
    if (!('status' in response)) return response;
    if (response.status >= 200 && response.status < 300) return { kind: 'printed' };
    return classifyFailure(response);
  }
}
