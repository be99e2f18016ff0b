/**
 * Checking a widget credential against the village's CURRENT portal: shared by the host API and the
 * standard modules' routes (`/api/modules/<id>`), so both refuse the same stale, forged or expired
 * credentials the same way. The capabilities that count are those the credential carries AND the
 * current snapshot still grants.
 */
import { WIDGET_TOKEN_PATH } from '@cunmen/host-api';
import type { Capability, Collections } from '@cunmen/manifest';
import { isShellError, shellError } from '../errors.js';
import type { IdentityStore, IdentityUser } from '../identity/store.js';
import type { PortalService } from '../portals/service.js';
import { verifyToken } from './token.js';

/** The verified caller of a host-API or module call. */
export interface HostCall {
  village: string;
  widget: string;
  version: string;
  capabilities: ReadonlySet<Capability>;
  /** Who may read each collection, as the snapshot declares it (undeclared ones are `owner`). */
  collections: Collections;
  user: IdentityUser | null;
}

interface Granted {
  version: string;
  capabilities: Capability[];
  collections: Collections;
}

export class WidgetCredentials {
  // The widgets of a village's current portal, parsed once per snapshot.
  private readonly grants = new Map<string, Map<string, Granted>>();

  constructor(
    readonly key: Buffer,
    private readonly portals: PortalService,
    private readonly identity: Pick<IdentityStore, 'findUserById'>,
  ) {}

  async portalWidgets(village: string) {
    const served = await this.portals.snapshot(village);
    const cacheKey = `${village}@${served.version}@${served.etag}`;
    let widgets = this.grants.get(cacheKey);
    if (!widgets) {
      const snapshot = JSON.parse(served.json) as {
        widgets: { name: string; version: string; capabilities: Capability[]; collections?: Collections }[];
      };
      widgets = new Map(
        snapshot.widgets.map((w) => [
          w.name,
          { version: w.version, capabilities: w.capabilities, collections: w.collections ?? {} },
        ]),
      );
      if (this.grants.size >= 2000) this.grants.clear();
      this.grants.set(cacheKey, widgets);
    }
    return widgets;
  }

  /** The caller an `authorization: Bearer <credential>` header proves, or a 401 saying why not. */
  async verify(authorization: string | undefined): Promise<HostCall> {
    const m = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(authorization ?? '');
    if (!m) {
      throw shellError(
        'SHELL_ERR_TOKEN_INVALID',
        `this call needs the widget credential (authorization: Bearer …) from POST ${WIDGET_TOKEN_PATH}`,
        { zh: '缺少组件凭证，请刷新页面后重试' },
      );
    }
    const check = verifyToken(this.key, m[1] as string);
    if (!check.ok) {
      throw check.reason === 'expired'
        ? shellError('SHELL_ERR_TOKEN_EXPIRED', 'the widget credential has expired; ask for a new one', {
            zh: '组件凭证已过期，请刷新页面后重试',
          })
        : shellError('SHELL_ERR_TOKEN_INVALID', 'the widget credential is not one this shell issued', {
            zh: '组件凭证无效，请刷新页面后重试',
          });
    }
    const claims = check.claims;
    // The portal may have changed since the credential was issued: the current snapshot decides.
    const widgets = await this.portalWidgets(claims.village).catch((err: unknown) => {
      if (isShellError(err)) return null; // the village or its portal is gone
      throw err;
    });
    const granted = widgets?.get(claims.widget);
    if (!granted || granted.version !== claims.version) {
      throw shellError(
        'SHELL_ERR_TOKEN_EXPIRED',
        `the portal of village ${claims.village} no longer has ${claims.widget}@${claims.version}; reload the page`,
        { zh: '门户已更新，请刷新页面后重试', widget: claims.widget },
      );
    }
    let user: IdentityUser | null = null;
    if (claims.user !== null) {
      user = await this.identity.findUserById(claims.user);
      if (!user) {
        throw shellError(
          'SHELL_ERR_TOKEN_INVALID',
          'the credential belongs to an account that no longer exists',
          {
            zh: '组件凭证无效，请重新登录',
          },
        );
      }
    }
    return {
      village: claims.village,
      widget: claims.widget,
      version: claims.version,
      capabilities: new Set(claims.capabilities.filter((c) => granted.capabilities.includes(c))),
      collections: granted.collections,
      user,
    };
  }
}
