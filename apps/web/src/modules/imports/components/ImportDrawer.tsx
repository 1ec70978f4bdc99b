import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { importErrorText, importKindLabels, type ImportJob, type ImportKind, type ImportMode } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Drawer, List, Progress, Radio, Result, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { useIsMobile } from "../../../app/useIsMobile";
import { downloadFile, errorRowsUrl, getImportJob, templateUrl, uploadImport } from "../api";

type Stage = { step: "choose" } | { step: "uploading"; percent: number } | { step: "job"; jobId: string } | { step: "error"; message: string };

const running = (job: ImportJob | undefined) => job?.status === "checking" || job?.status === "saving";

/**
 * Template (drop-downs, 填写说明) → how to treat bad rows → upload (with upload progress) → server check
 * (with row progress) → every row saved or none (全部正确才导入), or the good rows saved and the bad ones
 * downloadable with a 错误原因 column (导入正确的行). Each reason reads "第5行「企业规模」：…", as Excel numbers rows.
 */
export function ImportDrawer({ kind, open, onClose, onDone }: { kind: ImportKind; open: boolean; onClose: () => void; onDone: () => void }) {
  const isMobile = useIsMobile();
  const [stage, setStage] = useState<Stage>({ step: "choose" });
  const [mode, setMode] = useState<ImportMode>("all");
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
    uploadImport(kind, mode, file, (percent) => setStage({ step: "uploading", percent }))
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
          message="请用模板填写：带下拉箭头的列从列表中选择，各列要求与示例见模板的「填写说明」表。"
          action={
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(templateUrl(kind))}>
              下载模板
            </Button>
          }
        />
        {stage.step === "choose" || stage.step === "error" ? (
          <>
            {stage.step === "error" ? <Alert type="error" showIcon message={stage.message} /> : null}
            <div>
              <Typography.Text strong>有错误行时：</Typography.Text>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} style={{ display: "flex", flexDirection: "column", gap: 4, marginTop: 4 }}>
                <Radio value="all">全部正确才导入（任何一行有误，整份文件都不导入）</Radio>
                <Radio value="partial">导入正确的行，错误行下载后改正再导入</Radio>
              </Radio.Group>
            </div>
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
        {data?.status === "done" ? (
          <Result
            status={data.skipped > 0 ? "warning" : "success"}
            title={`已导入 ${data.imported} 条${label}`}
            subTitle={data.message ?? undefined}
            extra={
              <Space wrap>
                {data.errorRows > 0 ? (
                  <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(errorRowsUrl(data.id))}>
                    下载错误行（{data.errorRows}行）
                  </Button>
                ) : null}
                <Button type="primary" onClick={close}>
                  完成
                </Button>
              </Space>
            }
          />
        ) : null}
        {data?.status === "failed" ? (
          <>
            <Alert type="error" showIcon message={data.message ?? "导入失败，未导入任何数据"} />
            <Space wrap>
              {data.errorRows > 0 ? (
                <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(errorRowsUrl(data.id))}>
                  下载错误行（含错误原因）
                </Button>
              ) : null}
              <Button onClick={() => setStage({ step: "choose" })}>重新上传</Button>
            </Space>
          </>
        ) : null}
        {data && data.errors.length > 0 ? (
          <List
            size="small"
            bordered
            header={`错误明细（${data.errors.length}处${data.errors.length >= 500 ? "，仅列前500处，全部见错误行文件" : ""}）`}
            dataSource={data.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true, size: "small" }}
            renderItem={(e) => <List.Item>{importErrorText(e)}</List.Item>}
          />
        ) : null}
      </Space>
    </Drawer>
  );
}
