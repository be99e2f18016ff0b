/**
 * The CSRF defence of the credential routes, which ride on the session cookie: only the shell's own
 * pages may ask — JSON only (a form cannot send it), `Sec-Fetch-Site` same-origin and `Origin` the
 * shell's own when the browser sends them.
 */
import type { FastifyRequest } from 'fastify';
import { shellError } from '../../errors.js';
import { hostOf } from '../../http/auth.js';

export function sameOrigin(publicOrigin: string | null) {
  return async (request: FastifyRequest) => {
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw shellError('SHELL_ERR_CSRF', 'widget credentials need content-type: application/json', {
        zh: '请求格式不正确（需要 application/json），请刷新页面后重试',
      });
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      throw shellError(
        'SHELL_ERR_CSRF',
        `widget credentials are same-origin only (Sec-Fetch-Site: ${site})`,
        {
          zh: '只能从本平台的页面申请组件凭证',
        },
      );
    }
    const origin = request.headers.origin;
    if (origin === undefined || origin === publicOrigin) return;
    const from = hostOf(origin);
    if (from === null || from !== hostOf(`http://${request.headers.host ?? ''}`)) {
      throw shellError('SHELL_ERR_CSRF', `widget credentials are same-origin only (Origin: ${origin})`, {
        zh: '只能从本平台的页面申请组件凭证',
      });
    }
  };
}
