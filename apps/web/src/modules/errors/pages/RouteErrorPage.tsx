import { Button, Flex, Result } from "antd";
import { Link, useRouteError } from "react-router-dom";

/** A page's code that failed to download (a dropped line, or a new version deployed meanwhile). */
const isLoadFailure = (error: unknown) =>
  error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch|ChunkLoadError/i.test(error.message);

/**
 * What a route shows when its page throws while loading or rendering, instead of the router's
 * English developer page. Inside the shell the menu stays, so people can go elsewhere; a failed
 * download only comes back with a reload (the browser keeps a failed import for the page's life).
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const load = isLoadFailure(error);
  return (
    <Result
      status={load ? "warning" : "error"}
      title={load ? "页面加载失败" : "页面出错了"}
      subTitle={load ? "网络可能中断，或系统刚刚更新。请刷新页面重试。" : "请刷新页面重试；如果问题仍然存在，请联系管理员。"}
      extra={
        <Flex gap={8} justify="center" wrap>
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
          <Link to="/">
            <Button>返回工作台</Button>
          </Link>
        </Flex>
      }
    />
  );
}
