import { CalendarOutlined } from "@ant-design/icons";
import { sessionLinkableStatuses, type Problem } from "@jiangxin/domain";
import { Button } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { useCan } from "../../../../app/session";
import { ServiceSessionFormDrawer } from "./ServiceSessionFormDrawer";

/**
 * 安排服务场次 for the problems shown (those waiting for a visit and not on one yet): the drawer opens
 * with their firms and county, their owners proposed as the team, and links them to the new session.
 */
export function SessionFromProblemsButton({ problems }: { problems: Problem[] }) {
  const can = useCan();
  const navigate = useNavigate();
  const { scope } = useRegionScope();
  const [open, setOpen] = useState(false);
  const waiting = problems.filter((p) => sessionLinkableStatuses.includes(p.status) && p.sessionId === null && p.voided === null);
  if (!can("serviceSession.write") || waiting.length === 0) return null;
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)}>
        为这些难题安排服务场次
      </Button>
      <ServiceSessionFormDrawer open={open} scope={scope} fromProblems={waiting} onClose={() => setOpen(false)} onCreated={(s) => void navigate(`/service-sessions/${s.id}`)} />
    </>
  );
}
