import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { importKindLabels, type ImportJob, type ImportKind } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Drawer, Progress, Result, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { useIsMobile } from "../../../app/useIsMobile";
import { downloadFile, getImportJob, templateUrl, uploadImport } from "../api";

type Stage = { step: "choose" } | { step: "uploading"; percent: number } | { step: "job"; jobId: string } | { step: "error"; message: string };

const running = (job: ImportJob | undefined) => job?.status === "checking" || job?.status === "saving";

/**
 * Template → upload (with upload progress) → server check (with row progress) → either every row saved
 * or none, with each bad row listed by row number and column, as Excel shows them.
 */
export function ImportDrawer({ kind, open, onClose, onDone }: { kind: ImportKind; open: boolean; onClose: () => void; onDone: () => void }) {
  const isMobile = useIsMobile();
  const [stage, setStage] = useState<Stage>({ step: "choose" });
  const jobId = stage.step === "job" ? stage.jobId : undefined;
  const job = useQuery({
    queryKey: ["importJob", jobId],
    queryFn: ({ signal }) => getImportJob(jobId ?? "", signal),
    enabled: jobId !== undefined,
    refetchInterval: (q) => (running(q.state.data) || !q.state.data ? 400 : false),
  });
  const label = importKindLabels[kind];
  const close = () => {
    if (job.data?.status === "done") onDone();
    setStage({ step: "choose" });
    onClose();
  };

  const start = (file: File) => {
    setStage({ step: "uploading", percent: 0 });
    uploadImport(kind, file, (percent) => setStage({ step: "uploading", percent }))
      .then((j) => setStage({ step: "job", jobId: j.id }))
      .catch((err: unknown) => setStage({ step: "error", message: err instanceof ApiError ? err.message : "上传失败，请重试" }));
  };

  const data = job.data;
  return (
    <Drawer title={`批量导入${label}`} open={open} onClose={close} width={isMobile ? "100%" : 720} destroyOnHidden>
      <Space direction="vertical" size="large" style={{ width: "100%" }}>
        <Alert
          type="info"
          showIcon
          message="整份文件一起导入：任何一行有误，全部不导入，并列出每一处错误（行号与列名同 Excel）。改正后重新上传即可。"
          action={
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(templateUrl(kind))}>
              下载模板
            </Button>
          }
        />
        {stage.step === "choose" || stage.step === "error" ? (
          <>
            {stage.step === "error" ? <Alert type="error" showIcon message={stage.message} /> : null}
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                start(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖入按模板填写的 .xlsx 文件</p>
            </Upload.Dragger>
          </>
        ) : null}
        {stage.step === "uploading" ? (
          <div>
            <Typography.Text>正在上传…</Typography.Text>
            <Progress percent={stage.percent} />
          </div>
        ) : null}
        {stage.step === "job" && (!data || running(data)) ? (
          <div>
            <Typography.Text>{data?.status === "saving" ? "校验通过，正在保存…" : `正在校验 ${data?.checked ?? 0} / ${data?.total || "…"} 行`}</Typography.Text>
            <Progress percent={data && data.total > 0 ? Math.floor((data.checked / data.total) * (data.status === "saving" ? 100 : 95)) : 0} status="active" />
          </div>
        ) : null}
        {job.isError ? <Alert type="error" showIcon message={job.error instanceof ApiError ? job.error.message : "查询导入进度失败"} /> : null}
        {data?.status === "done" ? <Result status="success" title={`已导入 ${data.imported} 条${label}`} extra={<Button type="primary" onClick={close}>完成</Button>} /> : null}
        {data?.status === "failed" ? (
          <>
            <Alert type="error" showIcon message={data.message ?? "导入失败，未导入任何数据"} />
            {data.errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={data.errors}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: true }}
                columns={[
                  { title: "行号", dataIndex: "row", width: 70 },
                  { title: "列", dataIndex: "column", width: 150 },
                  { title: "问题", dataIndex: "message" },
                ]}
              />
            ) : null}
            <Button onClick={() => setStage({ step: "choose" })}>重新上传</Button>
          </>
        ) : null}
      </Space>
    </Drawer>
  );
}
