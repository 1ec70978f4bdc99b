import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { Suspense } from "react";
import { createBrowserRouter, RouterProvider, type RouteObject } from "react-router-dom";
import { AppLayout } from "./AppLayout";
import { FullScreenSpin } from "./components/FullScreenSpin";
import { SessionExpiredModal } from "./components/SessionExpiredModal";
import { queryClient } from "./queryClient";
import { RouteErrorPage } from "../modules/errors/pages/RouteErrorPage";
import { RequirePermission } from "./RequirePermission";
import { RequireSession } from "./RequireSession";
import { routes, type AppRoute } from "./routes";
import { SessionProvider } from "./session";
import { theme } from "./theme";

function toRouteObject({ path, permission, Page }: AppRoute): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
    // Per page, so that the shell and its menu stay when one page fails.
    errorElement: <RouteErrorPage />,
  };
}

const router = createBrowserRouter([
  ...routes.filter((route) => route.layout === "bare").map(({ path, Page }) => ({ path, element: <Page />, errorElement: <RouteErrorPage /> })),
  {
    errorElement: <RouteErrorPage />,
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: routes.filter((route) => route.layout === "shell").map(toRouteObject),
  },
]);

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <Suspense fallback={<FullScreenSpin />}>
              <RouterProvider router={router} />
            </Suspense>
            <SessionExpiredModal />
          </SessionProvider>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
