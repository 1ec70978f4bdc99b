import { CameraOutlined, DeleteOutlined, FileOutlined, FilePdfOutlined, PaperClipOutlined } from "@ant-design/icons";
import { attachmentAccept, attachmentMaxBytes, formatFileSize, type Attachment } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Flex, Image, Popconfirm, Progress, Skeleton, Typography } from "antd";
import dayjs from "dayjs";
import { useRef, useState, type ChangeEvent } from "react";
import { ApiError, errorMessage } from "../ApiError";
import { useIsMobile } from "../useIsMobile";
import { attachmentContentUrl, attachmentQueryKeys, attachmentThumbnailUrl, listAttachments, removeAttachment, uploadAttachment } from "./attachmentApi";

export type AttachmentPanelProps = {
  /** The owner kind a module registered on the server ("flagship.problem"). */
  ownerKind: string;
  ownerId: string;
  title?: string;
  /** Whether to offer 拍照 / 上传: the page knows the user works this record; the server checks again. */
  canUpload: boolean;
  /** Shown when there is nothing yet. */
  emptyText?: string;
  style?: React.CSSProperties;
  /** Inside another card's row (an outcome's evidence): no card of its own, small buttons. */
  compact?: boolean;
};

type Uploading = { key: string; name: string; percent: number };
/** A file the panel or the server refused, with the reason (the server's field message on `file` when it gave one). */
type Refused = { key: string; name: string; reason: string };

const thumbSize = 96;

/**
 * Photos and documents on one record: thumbnails that open full size, documents as links, 拍照 (the
 * phone's rear camera straight away) and 上传文件. Files over the limit are refused here before any
 * byte is sent; the type is checked by the server from the content. A refused file's reason stays under
 * the buttons (the file field's own message), not only in a toast that is gone before a phone user reads it,
 * until the next pick or until it is closed.
 */
export function AttachmentPanel({ ownerKind, ownerId, title = "照片与附件", canUpload, emptyText = "暂无照片或附件", style, compact = false }: AttachmentPanelProps) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const key = attachmentQueryKeys.of(ownerKind, ownerId);
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => listAttachments(ownerKind, ownerId, signal) });
  const remove = useMutation({
    mutationFn: (id: string) => removeAttachment(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void message.success("已删除附件");
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  async function send(files: File[]) {
    setRefused([]);
    const refuse = (file: File, reason: string) => setRefused((r) => [...r, { key: `${file.name}-${file.size}-${r.length}`, name: file.name || "照片", reason }]);
    for (const file of files) {
      if (file.size > attachmentMaxBytes) {
        refuse(file, `文件有 ${formatFileSize(file.size)}，单个附件不能超过 ${formatFileSize(attachmentMaxBytes)}`);
        continue;
      }
      const k = `${file.name}-${file.size}-${Date.now()}`;
      setUploading((u) => [...u, { key: k, name: file.name || "照片", percent: 0 }]);
      try {
        await uploadAttachment({ ownerKind, ownerId }, file, (percent) => setUploading((u) => u.map((x) => (x.key === k ? { ...x, percent } : x))));
        void message.success(`已上传“${file.name || "照片"}”`);
      } catch (error) {
        refuse(file, error instanceof ApiError ? (error.fields.file ?? error.message) : errorMessage(error));
      } finally {
        setUploading((u) => u.filter((x) => x.key !== k));
        void queryClient.invalidateQueries({ queryKey: key });
      }
    }
  }

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared so picking the same file again (after a refusal) fires again.
    e.target.value = "";
    void send(files);
  };

  const items = list.data ?? [];
  const images = items.filter((a) => a.isImage);
  const documents = items.filter((a) => !a.isImage);
  const removeButton = (a: Attachment, compact: boolean) =>
    a.removable ? (
      <Popconfirm title="删除这个附件？" description="删除后他人不再看到；原文件留档备查。" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(a.id)}>
        <Button size="small" type={compact ? "primary" : "text"} danger icon={<DeleteOutlined />} aria-label={`删除 ${a.name}`} />
      </Popconfirm>
    ) : null;

  const actions = canUpload ? (
    <Flex gap={8} wrap>
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={onPick} data-testid="attachment-camera" />
      <input ref={picker} type="file" accept={attachmentAccept} multiple hidden onChange={onPick} data-testid="attachment-file" />
      <Button type={compact ? "default" : "primary"} icon={<CameraOutlined />} size={compact ? "small" : isMobile ? "large" : "middle"} onClick={() => camera.current?.click()}>
        拍照
      </Button>
      <Button icon={<PaperClipOutlined />} size={compact ? "small" : isMobile ? "large" : "middle"} onClick={() => picker.current?.click()}>
        上传文件
      </Button>
    </Flex>
  ) : null;

  const body = (
    <>
      {refused.map((r) => (
        <Alert
          key={r.key}
          type="error"
          showIcon
          closable
          onClose={() => setRefused((all) => all.filter((x) => x.key !== r.key))}
          message={`“${r.name}”未上传`}
          description={r.reason}
          style={{ marginBottom: 8 }}
          data-testid="attachment-refused"
        />
      ))}
      {uploading.map((u) => (
        <div key={u.key} style={{ marginBottom: 8 }}>
          <Typography.Text ellipsis style={{ maxWidth: "100%" }}>
            正在上传 {u.name}
          </Typography.Text>
          <Progress percent={u.percent} size="small" />
        </div>
      ))}
      {list.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : null}
      {list.isError ? <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text> : null}
      {list.isSuccess && items.length === 0 && uploading.length === 0 ? (
        compact ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {emptyText}
          </Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        )
      ) : null}
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap style={{ marginBottom: documents.length > 0 ? 12 : 0 }}>
            {images.map((a) => (
              <div key={a.id} style={{ position: "relative", width: thumbSize, height: thumbSize }} title={`${a.name} · ${a.uploadedByName} · ${dayjs(a.uploadedAt).format("YYYY-MM-DD HH:mm")}`}>
                <Image
                  src={a.hasThumbnail ? attachmentThumbnailUrl(a.id) : attachmentContentUrl(a.id)}
                  preview={{ src: attachmentContentUrl(a.id) }}
                  alt={a.name}
                  width={thumbSize}
                  height={thumbSize}
                  style={{ objectFit: "cover", borderRadius: 6 }}
                />
                <div style={{ position: "absolute", top: 4, right: 4 }}>{removeButton(a, true)}</div>
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {documents.map((a) => (
        <Flex key={a.id} align="center" gap={8} style={{ padding: "6px 0", borderTop: "1px solid rgba(5,5,5,0.06)" }}>
          {a.mime === "application/pdf" ? <FilePdfOutlined /> : <FileOutlined />}
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Typography.Link href={attachmentContentUrl(a.id)} target="_blank" rel="noopener" ellipsis>
              {a.name}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.typeLabel} · {formatFileSize(a.size)} · {a.uploadedByName} · {dayjs(a.uploadedAt).format("YYYY-MM-DD HH:mm")}
            </Typography.Text>
          </Flex>
          {removeButton(a, false)}
        </Flex>
      ))}
    </>
  );
  if (compact) {
    return (
      <div style={style}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          {actions}
        </Flex>
        {body}
      </div>
    );
  }
  return (
    <Card title={title} style={style} extra={isMobile ? null : actions}>
      {isMobile && actions ? <div style={{ marginBottom: 12 }}>{actions}</div> : null}
      {body}
    </Card>
  );
}
