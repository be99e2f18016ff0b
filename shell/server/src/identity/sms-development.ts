/**
 * The SMS provider for development and tests (`npm start` without a gateway): it prints the code to the
 * server log instead of sending it, and keeps the last codes in this process, where a test reads them
 * with `lastCode(phone)`. No HTTP route exposes them. Never configured beside a gateway.
 */
import type { SmsMessage, SmsProvider } from './sms-provider.js';

/** What the provider writes to: the shell's logger (`app.log`) in the server. */
export interface CodeLog {
  warn(message: string): void;
}

const KEPT = 100;

export class DevelopmentSmsProvider implements SmsProvider {
  readonly kind = 'development';
  private readonly sent = new Map<string, string>();

  constructor(private readonly log: CodeLog = { warn: (m) => process.stdout.write(`${m}\n`) }) {}

  async send(message: SmsMessage): Promise<void> {
    this.sent.delete(message.phone);
    this.sent.set(message.phone, message.code);
    if (this.sent.size > KEPT) this.sent.delete(this.sent.keys().next().value as string);
    this.log.warn(
      `[development SMS, no gateway configured] sign-in code for ${message.phone}: ${message.code} (valid ${message.ttlMinutes} min)`,
    );
  }

  /** The last code "sent" to `phone` by this process, if any. */
  lastCode(phone: string): string | undefined {
    return this.sent.get(phone);
  }
}
