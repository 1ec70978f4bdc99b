import { Grid } from "antd";

/**
 * True below antd's `md` breakpoint (768 px): phones get the drawer menu, stacked forms and fewer
 * table columns. Before the first measurement antd reports no breakpoints; treating that as
 * desktop avoids a phone layout flashing on a wide screen.
 */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
