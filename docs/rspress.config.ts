/**
 * The Cunmen documentation site: one section per audience (province, county, village, residents), the architecture
 * page and the contributor guide. `rspress build` writes `doc_build/`; `scripts/copy-storybook.mjs` then
 * adds the UI kit's Storybook under `/storybook/`, and `scripts/check-links.mjs` checks every link.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@rspress/core';

const province = [
  { text: 'Overview', link: '/province/' },
  { text: 'Run the platform', link: '/province/run-the-platform' },
  { text: 'Run for a province', link: '/province/run-for-a-province' },
  { text: 'Run the registry', link: '/province/run-the-registry' },
  { text: 'Registry in scale mode', link: '/province/registry-scale' },
  { text: 'Operate the shell', link: '/province/operate-the-shell' },
  { text: 'Sign-in and roles', link: '/province/sign-in-and-roles' },
  { text: 'Connect SMS and WeChat', link: '/province/connect-sms-and-wechat' },
  { text: 'Catalog API', link: '/province/catalog-api' },
  { text: 'Review and sign', link: '/province/review-and-signing' },
  { text: 'Performance', link: '/province/performance' },
  { text: 'Security model', link: '/province/security/' },
  { text: 'Security: widget credentials', link: '/province/security/widget-credentials' },
  { text: 'Security: signing and scripts', link: '/province/security/signing-and-scripts' },
  { text: 'Security: the registry', link: '/province/security/registry' },
  { text: 'Security: identity and audit', link: '/province/security/identity-and-audit' },
];

const county = [
  { text: 'Overview', link: '/county/' },
  { text: 'Build your first widget', link: '/county/first-widget' },
  { text: 'Widget manifest reference', link: '/county/manifest-reference' },
  { text: 'Publish a widget', link: '/county/publish-widget' },
  { text: 'Browse the catalog', link: '/county/browse-the-catalog' },
  { text: 'Toolchain: CLI, SDK, build preset', link: '/county/toolchain' },
  { text: 'Error codes', link: '/county/error-codes' },
  { text: 'UI kit and elderly mode', link: '/county/ui-kit' },
  { text: 'Glossary 术语表', link: '/county/glossary' },
];

const village = [
  { text: '概览', link: '/village/' },
  { text: '门户、标准模块与小组件', link: '/village/portal' },
  { text: '组装村门户', link: '/village/assemble-portal' },
  { text: '长辈版与个人信息保护', link: '/village/elderly-and-privacy' },
  { text: '村干部工作台', link: '/village/cadre-console' },
  { text: '入户申请审核', link: '/village/join-requests' },
  { text: '三务公开', link: '/village/affairs-disclosure' },
  { text: '接诉即办', link: '/village/complaints' },
  { text: '积分制', link: '/village/points' },
  { text: '积分超市商户', link: '/village/points-merchant' },
  { text: '党建', link: '/village/party-building' },
];

const resident = [
  { text: '村民指南', link: '/resident/' },
  { text: '看三务公开', link: '/resident/affairs-disclosure' },
  { text: '反映问题（接诉即办）', link: '/resident/complaints' },
  { text: '积分', link: '/resident/points' },
  { text: '党建', link: '/resident/party-building' },
];

export default defineConfig({
  root: 'docs',
  outDir: 'doc_build',
  title: '村门 Cunmen',
  description:
    'Cunmen (村门): a province runs it so every village gets a digital portal — standard modules, county widgets, no-code assembly.',
  lang: 'en',
  icon: '/favicon.svg',
  logoText: '村门 Cunmen',
  globalUIComponents: [fileURLToPath(new URL('./components/PageLang.tsx', import.meta.url))],
  markdown: {
    link: {
      // The Storybook is copied into the site after `rspress build`, so it is not a page Rspress knows.
      checkDeadLinks: { excludes: ['/storybook/index.html'] },
    },
  },
  themeConfig: {
    nav: [
      { text: 'Architecture', link: '/architecture', activeMatch: '^/architecture' },
      { text: 'Province 省级', link: '/province/', activeMatch: '^/province/' },
      { text: 'County 县级', link: '/county/', activeMatch: '^/county/' },
      { text: 'Village 村级', link: '/village/', activeMatch: '^/village/' },
      { text: 'Residents 村民', link: '/resident/', activeMatch: '^/resident/' },
      { text: 'Developers', link: '/developers/de-identification', activeMatch: '^/developers/' },
      { text: 'Contributing', link: '/contributing', activeMatch: '^/contributing' },
      { text: 'Storybook', link: '/storybook/index.html' },
    ],
    sidebar: {
      '/province/': [{ text: 'Province 省级维护者', items: province }],
      '/county/': [{ text: 'County developers 县级开发者', items: county }],
      '/village/': [{ text: '村干部使用指南', items: village }],
      '/resident/': [{ text: '村民使用指南', items: resident }],
      '/developers/': [
        {
          text: 'Platform developers',
          items: [
            { text: 'Standard modules 标准模块', link: '/developers/standard-modules' },
            { text: 'De-identification 脱敏', link: '/developers/de-identification' },
          ],
        },
      ],
      '/architecture': [{ text: 'Platform', items: [{ text: 'Architecture', link: '/architecture' }] }],
      '/contributing': [{ text: 'Project', items: [{ text: 'Contributing', link: '/contributing' }] }],
    },
    // contributing.mdx takes its heading from the included CONTRIBUTING.md.
    fallbackHeadingTitle: false,
    footer: { message: '村门 Cunmen — one standard for every village portal in the province' },
  },
});
