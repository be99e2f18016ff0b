/**
 * The registry's only HTML: the `npm login` page and its answer. The page names the client that asked
 * for the sign-in and the code its terminal printed, so a person sent someone else's login link (to
 * hand a stranger a token) sees that it is not their own `npm login` before typing a password.
 */
import type { FastifyReply } from 'fastify';
import type { PendingWebLogin } from '../storage/types.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HEAD = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
const STYLE = `<style>body{font:18px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem}input{font:inherit;width:100%;padding:.6rem;box-sizing:border-box}
button{font:inherit;margin-top:1.5rem;padding:.7rem 1.5rem;min-height:48px}p.error{color:#a50e0e}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.15em}dl{margin:0}dt{font-weight:600}dd{margin:0 0 .5rem}</style>`;

function clientLines(session: PendingWebLogin): string {
  const { host, ip, agent } = session.client;
  return `<dl><dt>请求来自 Requested by</dt><dd>${host ? escapeHtml(host) : '（未提供主机名 no host name sent）'}</dd>
<dt>地址 Address</dt><dd>${escapeHtml(ip)}</dd>${agent ? `<dt>客户端 Client</dt><dd>${escapeHtml(agent)}</dd>` : ''}</dl>`;
}

export function loginPage(id: string, session: PendingWebLogin, message = ''): string {
  return `${HEAD}
<title>登录村门组件仓库 Sign in to the Cunmen registry</title>
${STYLE}</head>
<body><main><h1>登录组件仓库</h1><p>Sign in to finish <code>npm login</code>.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<p>核对验证码：终端里 npm 打印的登录地址末尾应是 Check the code: the address npm printed in your terminal ends with</p>
<p class="code" data-testid="login-code">${escapeHtml(session.code)}</p>
${clientLines(session)}
<p>只有在您本人刚刚运行了 <code>npm login</code> 且验证码一致时才登录；否则关闭本页。Sign in only if you just ran
<code>npm login</code> yourself and the codes match; otherwise close this page.</p>
<form method="post" action="/-/login/${escapeHtml(id)}">
<label for="name">用户名 User name</label><input id="name" name="name" autocomplete="username" required>
<label for="password">密码 Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录 Sign in</button></form></main></body></html>`;
}

export function expiredPage(): string {
  return `${HEAD}<title>登录会话已失效 Login expired</title>${STYLE}</head><body><main><h1>登录会话已失效</h1>
<p>请重新运行 npm login。The login session has expired or was used; run npm login again.</p></main></body></html>`;
}

export const SIGNED_IN_PAGE = `${HEAD}<title>已登录 Signed in</title></head><body><main><h1>已登录</h1><p>Signed in. You can close this page and return to the terminal.</p></main></body></html>`;

/** Nothing but the page's own form may run or frame it. */
export function htmlPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
}
