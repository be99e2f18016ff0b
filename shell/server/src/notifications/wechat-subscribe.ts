/**
 * WeChat subscribe messages (订阅消息) for residents who signed in with WeChat: the same notice as in the
 * inbox, sent with `POST <api>/cgi-bin/message/subscribe/send?access_token=…` and the body
 * `{ touser: <openid>, template_id, page, data: { <title field>: { value }, <body field>: { value } } }`.
 * WeChat answers `{ errcode: 0, errmsg: "ok" }`, or a non-zero errcode (43101: the resident has not
 * subscribed, 40037: a wrong template id, 40001: a stale access token …) — that becomes a
 * `WechatApiError`, which the notifier logs; the inbox notice stands either way.
 *
 * The province picks one template with two "thing" fields (short text, at most 20 characters each);
 * `CUNMEN_WECHAT_NOTICE_TEMPLATE_ID` turns the channel on, `CUNMEN_WECHAT_NOTICE_FIELDS` names the two
 * fields (default `thing1,thing2`). The access token is the one the shell already shares between
 * instances (identity/wechat-tokens.ts).
 */
import { WechatApiError } from '../identity/wechat-client.js';
import type { NoticeChannel } from './delivery.js';

export interface WechatSubscribeOptions {
  templateId: string;
  /** `[title field, body field]` of the template, default `['thing1', 'thing2']`. */
  fields?: readonly [string, string];
  /** Default https://api.weixin.qq.com */
  apiBase: string;
  accessToken(): Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** WeChat's "thing" fields hold at most 20 characters. */
const thing = (text: string) =>
  Array.from(text).length > 20 ? `${Array.from(text).slice(0, 19).join('')}…` : text;

export function wechatSubscribeChannel(options: WechatSubscribeOptions): NoticeChannel {
  const [titleField, bodyField] = options.fields ?? ['thing1', 'thing2'];
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'wechat-subscribe',
    async deliver(notice, user) {
      if (!user.wechatOpenid) return 'skipped';
      const token = await options.accessToken();
      const url = `${options.apiBase.replace(/\/+$/, '')}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`;
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: user.wechatOpenid,
          template_id: options.templateId,
          page: notice.link,
          data: { [titleField]: { value: thing(notice.title) }, [bodyField]: { value: thing(notice.body) } },
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new WechatApiError(-1, `HTTP ${res.status} from subscribe/send`);
      const answer = (await res.json()) as { errcode?: number; errmsg?: string };
      if (answer.errcode !== undefined && answer.errcode !== 0) {
        throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
      }
      return 'sent';
    },
  };
}
