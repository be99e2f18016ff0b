/**
 * Where a one-time code goes: an SMS gateway the province contracts (./sms-http.ts), or, when none is
 * configured, the server log (./sms-development.ts). A provider either delivers the message to the
 * gateway or throws {@link SmsSendError}; only a code it accepted is stored as sent.
 */

export interface SmsMessage {
  /** The mainland mobile number, 11 digits. */
  phone: string;
  /** The six digits. */
  code: string;
  /** Minutes the code can be used, for the message text. */
  ttlMinutes: number;
}

export interface SmsProvider {
  /** `development` or `http`, for the log and the audit entry. */
  readonly kind: 'development' | 'http';
  send(message: SmsMessage): Promise<void>;
}

/** The gateway refused the message or could not be reached; `reason` is for the server log only. */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
  constructor(readonly reason: string) {
    super(`the SMS gateway did not accept the message: ${reason}`);
  }
}
