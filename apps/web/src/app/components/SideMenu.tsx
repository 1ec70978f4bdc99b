import { Menu, type MenuProps } from "antd";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { findRoute, visibleMenuGroups } from "../routes";
import { useCan, useSession } from "../session";

type Item = Required<MenuProps>["items"][number];

/**
 * The side menu, derived from the route table and filtered by what the user may open: 驾驶舱 and
 * 工作台 on top, then a collapsed group per programme (the user's own first), 基础数据 and 系统.
 * Entries are real links, so a page opens in a new tab with the usual middle click.
 */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const can = useCan();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = findRoute(location.pathname);
  const selectedKey = current?.menuParent ?? current?.path ?? "";
  const groups = visibleMenuGroups(can, user.role);
  const groupOfSelected = groups.find((g) => g.routes.some((r) => r.path === selectedKey))?.key;
  // The user's own first programme starts open; the rest stay folded until asked for.
  const firstProgramme = groups.find((g) => g.key !== "top" && g.key !== "masterData" && g.key !== "system")?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(() => [...new Set([firstProgramme, groupOfSelected].filter((k): k is string => k !== undefined))]);

  const entry = (path: string, title: string, icon: React.ReactNode): Item => ({
    key: path,
    icon,
    label: (
      <a
        href={path}
        onClick={(e) => {
          // A plain click navigates in place; a modified click (new tab, new window) is the browser's.
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          void navigate(path);
          onNavigate?.();
        }}
      >
        {title}
      </a>
    ),
    // Until the password is changed the server answers nothing else, so the entries would only bounce.
    disabled: user.mustChangePassword,
  });

  const items: Item[] = groups.flatMap((g): Item[] =>
    g.key === "top"
      ? g.routes.map((r) => entry(r.path, r.title, r.menu?.icon))
      : [{ key: g.key, icon: g.icon, label: g.title, children: g.routes.map((r) => entry(r.path, r.title, r.menu?.icon)) }],
  );

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey]}
      openKeys={groupOfSelected && !openKeys.includes(groupOfSelected) ? [...openKeys, groupOfSelected] : openKeys}
      onOpenChange={setOpenKeys}
      items={items}
    />
  );
}
