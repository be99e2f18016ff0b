/** WeChat's in-app engines: Android X5/XWeb (Chromium, as old as 78) and iOS WKWebView (Safari 13). */
export const BROWSER_TARGETS = ['chrome >= 78', 'ios_saf >= 13', 'safari >= 13'] as const;
