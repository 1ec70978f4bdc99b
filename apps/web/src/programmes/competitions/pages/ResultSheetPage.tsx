import { prizeLabels, rankingRuleText } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Typography } from "antd";
import { useParams } from "react-router-dom";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { competitionKeys, competitionsApi } from "../api";

/** 成绩单: the printable sheet the chief judge and the supervisor sign (A4, the menu and buttons hidden in print). */
export function ResultSheetPage() {
  const { id = "" } = useParams();
  const q = useQuery({ queryKey: [...competitionKeys.event(id), "results"], queryFn: () => competitionsApi.results(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const aspects = r.event.scheme.aspects;
  const cell = { border: "1px solid #333", padding: "4px 6px", textAlign: "center" as const };
  return (
    <div className="result-sheet" style={{ background: "#fff", padding: 24, maxWidth: 1000, margin: "0 auto", overflowX: "auto" }}>
      <style>{`@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .result-sheet { padding: 0 !important; } @page { size: A4 landscape; margin: 14mm; } }`}</style>
      <Button className="no-print" type="primary" onClick={() => window.print()} style={{ marginBottom: 16 }}>
        打印
      </Button>
      <Typography.Title level={3} style={{ textAlign: "center", marginBottom: 4 }}>
        {r.competitionName}
      </Typography.Title>
      <Typography.Title level={4} style={{ textAlign: "center", marginTop: 0 }}>
        “{r.event.name}”赛项成绩单
      </Typography.Title>
      {/* A sheet for A4: on a phone it scrolls sideways rather than folding names into one character a line. */}
      <table style={{ borderCollapse: "collapse", width: "100%", minWidth: 720, fontSize: 13 }}>
        <thead>
          <tr>
            {["名次", "参赛号", "姓名", "工作单位", ...aspects.map((a) => `${a.name}(${a.weight})`), "总分", "奖项"].map((h) => (
              <th key={h} style={{ ...cell, background: "#f5f5f5" }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.rows.map((x) => (
            <tr key={x.registrationId}>
              <td style={cell}>{x.place === null ? "—" : x.shared ? `并列${x.place}` : x.place}</td>
              <td style={cell}>{x.entryNumber}</td>
              <td style={cell}>{x.personName}</td>
              <td style={{ ...cell, textAlign: "left" }}>{x.employerName}</td>
              {x.aspects.map((a) => (
                <td key={a.key} style={cell}>
                  {a.weighted ?? "—"}
                </td>
              ))}
              <td style={cell}>{x.total ?? "—"}</td>
              <td style={cell}>{x.prize ? prizeLabels[x.prize] : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: 12, fontSize: 12 }}>
        {rankingRuleText(r.event.scheme)}
      </p>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 24, justifyContent: "space-around", marginTop: 48, fontSize: 15 }}>
        <span>裁判长(签字)：________________</span>
        <span>监督仲裁(签字)：________________</span>
        <span>日期：____年__月__日</span>
      </div>
    </div>
  );
}
