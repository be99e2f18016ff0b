/**
 * The SMS provider for a commercial gateway the province contracts: one JSON POST per code.
 *
 *   POST <CUNMEN_SMS_GATEWAY_URL>
 *   Authorization: Bearer <CUNMEN_SMS_API_KEY>
 *   Content-Type: application/json
 *   {"phone":"13812345678","template":"cunmen-sign-in-code","params":{"code":"123456","minutes":5}}
 *
 * The gateway accepts with a 2xx status and `{"ok":true,"messageId":"…"}`; anything else — another
 * status, `ok` not `true`, a body that is not JSON, no answer within the timeout — is a refusal
 * ({@link SmsSendError}, its `error` field in the log), and the code is not stored as sent.
 * (docs/docs/province/connect-sms-and-wechat.md documents the same contract for gateway adapters.)
 */
import { type SmsMessage, type SmsProvider, SmsSendError } from './sms-provider.js';

export const SMS_TEMPLATE = 'cunmen-sign-in-code';

export interface HttpSmsOptions {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class HttpSmsProvider implements SmsProvider {
  readonly kind = 'http';

  constructor(private readonly options: HttpSmsOptions) {}

  async send(message: SmsMessage): Promise<void> {
    const doFetch = this.options.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(this.options.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          phone: message.phone,
          template: SMS_TEMPLATE,
          params: { code: message.code, minutes: message.ttlMinutes },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new SmsSendError(`no answer (${(err as Error).name}: ${(err as Error).message})`);
    }
    const text = await res.text().catch(() => '');
    let body: { ok?: unknown; error?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SmsSendError(`HTTP ${res.status}, not JSON`);
    }
    if (!res.ok || body.ok !== true) {
      const said = typeof body.error === 'string' ? `: ${body.error.slice(0, 200)}` : '';
      throw new SmsSendError(`HTTP ${res.status}, ok=${String(body.ok)}${said}`);
    }
  }
}
