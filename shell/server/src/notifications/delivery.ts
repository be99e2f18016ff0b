/**
 * Delivering a module's notice: always into the in-portal inbox (the store), then through each extra
 * channel (the WeChat subscribe message, ./wechat-subscribe.ts) for a notice to one user. A channel's
 * failure is logged and never reaches the module: the inbox notice stands.
 */
import type { ModuleNotice } from '@cunmen/module-api';
import type { FastifyBaseLogger } from 'fastify';
import type { IdentityStore, IdentityUser } from '../identity/store.js';
import type { NotificationStore, StoredNotice } from './store.js';

/** One way besides the inbox to tell a user; `skipped` when it does not apply to them (no openid …). */
export interface NoticeChannel {
  name: string;
  deliver(notice: StoredNotice, user: IdentityUser): Promise<'sent' | 'skipped'>;
}

export interface NotifierOptions {
  store: NotificationStore;
  identity: Pick<IdentityStore, 'findUserById'>;
  channels: readonly NoticeChannel[];
  now: () => Date;
  log: FastifyBaseLogger;
}

export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  async send(notice: ModuleNotice): Promise<StoredNotice> {
    const { store, identity, channels, log } = this.options;
    const stored = await store.add(notice, this.options.now());
    if (stored.userId === null || channels.length === 0) return stored;
    const user = await identity.findUserById(stored.userId);
    if (!user) return stored;
    for (const channel of channels) {
      try {
        await channel.deliver(stored, user);
      } catch (err) {
        log.error(
          { err, channel: channel.name, notice: stored.id, module: stored.module },
          'a notice could not be sent outside the inbox; it is in the inbox',
        );
      }
    }
    return stored;
  }
}
