import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined, QrcodeOutlined } from "@ant-design/icons";
import type { Station } from "@jiangxin/domain";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Col, Flex, Image, Row, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { AttachmentPanel } from "../../../app/attachments";
import { useCan } from "../../../app/session";
import { stationsApi } from "../api";

/**
 * What staff need beside the form of a saved station: its photos (images only, shown on the public
 * page), the QR poster for check-ins, the public page, and the manager's full phone (fetched on click,
 * audited).
 */
export function StationStaffExtras({ station }: { station: Station }) {
  const can = useCan();
  const [shown, setShown] = useState(false);
  const reveal = useMutation({ mutationFn: () => stationsApi.managerPhone(station.id), onSuccess: () => setShown(true) });
  const full = shown ? reveal.data?.phone : undefined;
  const qr = `/api/stations/${station.id}/qr.svg`;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14} style={{ marginBottom: 16 }}>
        <AttachmentPanel ownerKind="stations.station" ownerId={station.id} title="站点照片" canUpload={can("station.write")} emptyText="暂无照片：拍门头、室内和设施各一张(公开页面展示，只收图片，请勿拍到人脸)" />
      </Col>
      <Col xs={24} lg={10} style={{ marginBottom: 16 }}>
        <Card title="签到二维码与负责人" size="small">
          <Flex gap={12} align="flex-start" wrap>
            <Image src={qr} alt="签到二维码" width={120} height={120} preview={false} data-testid="station-qr" />
            <Flex vertical gap={6} style={{ minWidth: 0, flex: "1 1 160px" }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                张贴在站内：工人扫码打开本站页面并签到(只记职业和时段)。
              </Typography.Text>
              <a href={qr} download={`${station.name}-签到二维码.svg`}>
                <Button icon={<DownloadOutlined />}>下载二维码</Button>
              </a>
              <a href={`/public/stations/${station.id}?checkin=1`} target="_blank" rel="noreferrer">
                <Button icon={<QrcodeOutlined />}>打开公众页面</Button>
              </a>
            </Flex>
          </Flex>
          <div style={{ marginTop: 12 }}>
            负责人 {station.managerName}：
            <Typography.Text style={{ fontFamily: "monospace" }} copyable={full ? { text: full } : false} data-testid="manager-phone">
              {full ?? station.managerPhoneMasked}
            </Typography.Text>
            {!can("station.readPersonal") ? null : full ? (
              <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(false)}>
                隐藏
              </Button>
            ) : (
              <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
                查看全号
              </Button>
            )}
            {can("station.readPersonal") ? (
              <Typography.Text type={reveal.isError ? "danger" : "secondary"} style={{ display: "block", fontSize: 12 }}>
                {reveal.isError ? errorMessage(reveal.error) : "查看完整号码的操作会记入审计日志"}
              </Typography.Text>
            ) : null}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
