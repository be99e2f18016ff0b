/**
 * The pages whose runnable blocks the docs test executes, in the order a newcomer follows them: a county
 * developer builds and publishes a widget from an empty folder, the province reviews and signs it, places
 * it in a village, and runs the registry. County pages run in a scratch folder outside the repository
 * (the working directory carries over from page to page, as in one terminal); province pages run at the
 * repository root, where `npm start` and `npm run registry`/`npm run shell` live.
 */
export interface RunnablePage {
  page: string;
  cwd: 'scratch' | 'repo';
}

export const RUNNABLE_PAGES: readonly RunnablePage[] = [
  { page: 'county/first-widget.md', cwd: 'scratch' },
  { page: 'county/publish-widget.md', cwd: 'scratch' },
  { page: 'province/review-and-signing.md', cwd: 'repo' },
  { page: 'province/operate-the-shell.md', cwd: 'repo' },
  { page: 'province/run-the-registry.md', cwd: 'repo' },
];
