/** The landing page served at `/` until the resident portal replaces it. zh-CN first. */
export function landingPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>村门 · 数字乡村门户平台</title>
<style>
  body { font: 18px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f1f1f; background: #f7f7f5; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .5rem; color: #8a1c1c; }
</style>
</head>
<body>
<main>
  <h1>村门</h1>
  <p>省级数字乡村门户平台：标准模块由省级统一维护，县级开发的小组件在全省复用，每个村零代码组装自己的门户。</p>
  <p id="status">平台已启动。</p>
</main>
</body>
</html>
`;
}

/** 村门: a red gate on a light ground. */
export const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a1c1c"/><path d="M8 26V11h16v15h-4V15h-8v11z" fill="#fff"/><rect x="6" y="6" width="20" height="3" fill="#fff"/></svg>';
