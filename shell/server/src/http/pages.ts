/** Small server-rendered pages (zh-CN first, English second): the village list, not found, not built. */
import type { VillageRecord } from '../storage/types.js';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 18px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f1f1f; background: #f7f7f5; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .5rem; color: #8a1c1c; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  a { display: block; padding: .9rem 1rem; min-height: 44px; box-sizing: border-box; background: #fff; border: 1px solid #d9d9d9; border-radius: 8px; color: #8a1c1c; text-decoration: none; }
  a:focus, a:hover { border-color: #8a1c1c; }
  small { color: #4d4d4d; }
  code { font-size: .9em; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function landingPage(villages: readonly (VillageRecord & { published: boolean })[]): string {
  const list =
    villages.length === 0
      ? '<p>还没有村。运营人员可以运行 <code>cunmen-shell seed-demo</code> 添加演示数据。</p>'
      : `<h2>村门户</h2><ul>${villages
          .map((v) => {
            const where = [v.county?.name, v.township?.name].filter(Boolean).join(' · ');
            const state = v.published ? '' : '（尚未发布）';
            return `<li><a href="/v/${v.code}/">${escapeHtml(v.name)}${state}<br><small>${escapeHtml(where)} · ${v.code}</small></a></li>`;
          })
          .join('')}</ul>`;
  return page(
    '村门 · 数字乡村门户平台',
    `<h1>村门</h1>
<p>省级数字乡村门户平台：标准模块由省级统一维护，县级开发的小组件在全省复用，每个村零代码组装自己的门户。</p>
<p id="status">平台已启动。</p>
${list}`,
  );
}

export function messagePage(title: string, zh: string, en: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${zh}</p>\n<p lang="en">${en}</p>`);
}

export function webNotBuiltPage(dir: string): string {
  return messagePage(
    '门户前端尚未构建',
    `在 <code>${escapeHtml(dir)}</code> 找不到门户前端（shell/web）的构建结果。请运行 <code>pnpm exec turbo run build --filter @cunmen/shell-web</code>，或用 <code>--web-dist</code> 指定目录。`,
    `The shell web app is not built: no index.html in <code>${escapeHtml(dir)}</code>. Run <code>pnpm exec turbo run build --filter @cunmen/shell-web</code>, or point <code>--web-dist</code> at its dist directory (SHELL_ERR_WEB_NOT_BUILT).`,
  );
}

/** 村门: a red gate on a light ground. */
export const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a1c1c"/><path d="M8 26V11h16v15h-4V15h-8v11z" fill="#fff"/><rect x="6" y="6" width="20" height="3" fill="#fff"/></svg>';
