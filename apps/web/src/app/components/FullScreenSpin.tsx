import { Flex, Spin } from "antd";

/** Shown while the app does not yet know who is signed in. */
export function FullScreenSpin({ tip = "正在加载…" }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <Spin size="large" description={tip} />
    </Flex>
  );
}
