/**
 * The WeChat JS-SDK page signature (JS-SDK 说明文档, 附录1): sha1 of
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, the keys in this order, the values as they are, the
 * URL of the page without its `#fragment`.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface JssdkSigned {
  ticket: string;
  nonceStr: string;
  timestamp: number;
  url: string;
}

export function jssdkSignature({ ticket, nonceStr, timestamp, url }: JssdkSigned): string {
  const page = url.split('#')[0] as string;
  return createHash('sha1')
    .update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${page}`, 'utf8')
    .digest('hex');
}

const NONCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 random letters and digits. */
export function newNonce(): string {
  return [...randomBytes(16)].map((b) => NONCE_CHARS[b % NONCE_CHARS.length]).join('');
}
