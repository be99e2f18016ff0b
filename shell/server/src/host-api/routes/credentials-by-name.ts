/**
 * `POST /widget-token {village, widget, version}` by widget name — only where the shell enables it
 * (`mintByName`): the staff console, whose in-realm widgets are the province's standard modules and the
 * widgets it designates trusted. On the resident origin any widget could name another this way, so
 * there it is refused (routes/credentials.ts) and credentials come from the page load's ticket.
 */
import { parseWith } from '@cunmen/errors';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../../errors.js';
import { recordCredentialIssued } from '../../identity/audit-events.js';
import { type CredentialRoutesContext, credentialUser, issue } from './credentials.js';

const tokenBody = z
  .object({
    village: z.string().min(1).max(32),
    widget: z.string().min(1).max(214),
    version: z.string().min(1).max(64),
  })
  .strict();

export function mintByNameRoute(ctx: CredentialRoutesContext) {
  return async (request: FastifyRequest) => {
    const body = parseWith(tokenBody, request.body ?? {}, shellErrors, 'SHELL_ERR_BAD_REQUEST');
    const { village, widget, version } = body;
    const granted = (await ctx.credentials.portalWidgets(village)).get(widget);
    if (!granted) {
      throw shellError(
        'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
        `${widget} is not in the portal of village ${village}`,
        {
          zh: `村 ${village} 的门户中没有组件 ${widget}`,
          widget,
          field: 'widget',
        },
      );
    }
    if (granted.version !== version) {
      throw shellError(
        'SHELL_ERR_WIDGET_VERSION_MISMATCH',
        `village ${village} uses ${widget}@${granted.version}, not ${version}; reload the page`,
        {
          zh: `村 ${village} 使用的是 ${widget}@${granted.version}，不是 ${version}，请刷新页面`,
          widget,
          field: 'version',
        },
      );
    }
    const holder = credentialUser(request, village);
    const minted = issue(ctx.key, {
      village,
      widget,
      version,
      capabilities: granted.capabilities,
      user: holder?.id ?? null,
    });
    if (holder) {
      await recordCredentialIssued(ctx.audit, {
        village,
        how: 'console',
        widgets: [{ widget, version, capabilities: granted.capabilities }],
        user: holder.name,
        ip: request.ip,
      });
    }
    return minted;
  };
}
