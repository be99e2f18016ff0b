/** Phone layout below antd's `md` breakpoint (768 px): drawer and bottom bar instead of the sidebar. */
import { Grid } from 'antd';

export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measure every breakpoint is undefined: assume a phone, the common case.
  return screens.md !== true;
}
