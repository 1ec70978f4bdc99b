import { Menu } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import { findRoute, menuRoutes } from "../routes";
import { useCan, useSession } from "../session";

/** The side menu, derived from the route table and filtered by what the user may open. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const can = useCan();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = findRoute(location.pathname);
  const selectedKey = current?.menuParent ?? current?.path ?? "";

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey]}
      items={menuRoutes(can).map((route) => ({
        key: route.path,
        icon: route.menu?.icon,
        label: route.title,
        // Until the password is changed the server answers nothing else, so the entries would only bounce.
        disabled: user.mustChangePassword,
      }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
