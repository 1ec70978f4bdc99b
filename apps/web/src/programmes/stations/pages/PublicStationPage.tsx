import { CheckCircleOutlined, CompassOutlined, WarningOutlined } from "@ant-design/icons";
import { amenityKeys, amenityLabels, hostKindLabels, occupationLabels, occupations, reportKindLabels, reportKinds, waterKindLabels, type AmenityKey, type Occupation, type ReportKind } from "@jiangxin/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Image, Input, Result, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { changeText, daysAgoText, navigationLinks, stationsApi } from "../api";
import { StateTag } from "../components/StateTag";

/** A station's public page: state now, hours and amenities with when each was last checked, the way there, check-in, report a problem. */
export function PublicStationPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const station = useQuery({ queryKey: ["public", "stations", id], queryFn: ({ signal }) => stationsApi.publicStation(id, signal) });
  useEffect(() => {
    document.title = `${station.data?.name ?? "服务站"} - 浙江省总工会`;
  }, [station.data?.name]);
  if (station.isPending) return <PublicLayout><Skeleton active /></PublicLayout>;
  if (station.isError) return <PublicLayout><QueryErrorResult error={station.error} onRetry={() => void station.refetch()} /></PublicLayout>;
  const s = station.data;
  const nav = navigationLinks(s);
  const next = changeText(s.nextChange);
  const byKey = new Map(s.amenities.map((a) => [a.key, a]));
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <Link to="/public/stations">‹ 返回附近站点</Link>
        <Card styles={{ body: { padding: 16 } }}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {s.name}
            </Typography.Title>
            <StateTag state={s.state} makeUpWorkday={s.makeUpWorkday} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
            {hostKindLabels[s.hostKind]} · {s.hostOrg}
            <br />
            {s.address}
          </Typography.Paragraph>
          {s.status === "closed" && s.closedUntil ? <Alert style={{ marginTop: 8 }} type="info" showIcon message={`暂停开放，预计 ${s.closedUntil} 后恢复`} /> : null}
          {s.lockReported ? <Alert style={{ marginTop: 8 }} type="warning" showIcon icon={<WarningOutlined />} message="有人报告开放时间内锁门，工会正在核实" /> : null}
          <Flex gap={8} style={{ marginTop: 12 }} wrap>
            <a href={nav.amap} target="_blank" rel="noreferrer">
              <Button type="primary" size="large" icon={<CompassOutlined />}>
                高德导航
              </Button>
            </a>
            <a href={nav.baidu} target="_blank" rel="noreferrer">
              <Button size="large" icon={<CompassOutlined />}>
                百度导航
              </Button>
            </a>
          </Flex>
        </Card>

        <StationPhotos stationId={s.id} />

        <Card title="开放时间" size="small">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {s.is24h ? "24小时开放" : s.openingHours || "开放时间未登记"}
            {next ? <Typography.Text type="secondary">{`(${s.state === "open" ? "将于" : "将于"}${next}${s.state === "open" ? "关门" : "开门"})`}</Typography.Text> : null}
          </Typography.Paragraph>
          {s.makeUpWorkday ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }} data-testid="make-up-workday-note">
              今天是调休上班日，按工作日的开放时间计算
            </Typography.Paragraph>
          ) : null}
          <Typography.Text type="secondary">{s.hoursVerifiedAt ? daysAgoText(s.hoursVerifiedAt) : "开放时间尚未核实"}</Typography.Text>
        </Card>

        <Card title="设施" size="small">
          <Flex vertical gap={6}>
            {amenityKeys.map((k: AmenityKey) => {
              const a = byKey.get(k);
              return (
                <Flex key={k} justify="space-between" data-testid={`amenity-${k}`}>
                  <span style={{ color: a ? undefined : "#bfbfbf" }}>
                    {a ? <CheckCircleOutlined style={{ color: "#389e0d" }} /> : "—"} {amenityLabels[k]}
                    {a?.water ? <Tag style={{ marginInlineStart: 6 }}>{waterKindLabels[a.water]}</Tag> : null}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a ? daysAgoText(a.verifiedAt) : "无"}
                  </Typography.Text>
                </Flex>
              );
            })}
            {s.localItems.length > 0 ? <div>特色服务：{s.localItems.join("、")}</div> : null}
          </Flex>
        </Card>

        <CheckInCard stationId={s.id} highlight={params.get("checkin") === "1"} />
        <ReportCard stationId={s.id} />
      </Flex>
    </PublicLayout>
  );
}

/** The station's photos as thumbnails that open full size; nothing at all when there are none. */
function StationPhotos({ stationId }: { stationId: string }) {
  const photos = useQuery({ queryKey: ["public", "stations", stationId, "photos"], queryFn: ({ signal }) => stationsApi.photos(stationId, signal) });
  const items = photos.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title="站点照片" size="small" data-testid="station-photos">
      <Image.PreviewGroup>
        <Flex gap={8} wrap>
          {items.map((p) => (
            <Image
              key={p.id}
              width={96}
              height={96}
              style={{ objectFit: "cover", borderRadius: 6 }}
              alt="站点照片"
              src={stationsApi.photoUrl(stationId, p.id, p.hasThumbnail ? "thumbnail" : "content")}
              preview={{ src: stationsApi.photoUrl(stationId, p.id, "content") }}
            />
          ))}
        </Flex>
      </Image.PreviewGroup>
    </Card>
  );
}

function CheckInCard({ stationId, highlight }: { stationId: string; highlight: boolean }) {
  const [occupation, setOccupation] = useState<Occupation | null>(null);
  const checkIn = useMutation({ mutationFn: () => stationsApi.checkIn(stationId, occupation ?? "other") });
  return (
    <Card title="签到" size="small" style={highlight ? { borderColor: "#1677ff" } : undefined} data-testid="check-in">
      {checkIn.isSuccess ? (
        <Result status="success" title="签到成功" subTitle={`今天已有 ${checkIn.data.visitsToday} 人次在本站签到`} style={{ padding: 8 }} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">只记录职业和时间，用于统计站点使用情况，不记录任何个人信息。</Typography.Text>
          <Select size="large" placeholder="您的职业" aria-label="您的职业" value={occupation} onChange={setOccupation} options={occupations.map((o) => ({ value: o, label: occupationLabels[o] }))} />
          <Button type="primary" size="large" disabled={!occupation} loading={checkIn.isPending} onClick={() => checkIn.mutate()}>
            签到
          </Button>
          {checkIn.isError ? <Alert type="error" message={checkIn.error instanceof ApiError ? checkIn.error.message : "签到失败，请重试"} /> : null}
        </Flex>
      )}
    </Card>
  );
}

function ReportCard({ stationId }: { stationId: string }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ReportKind | null>(null);
  const [amenity, setAmenity] = useState<AmenityKey | null>(null);
  const [note, setNote] = useState("");
  const report = useMutation({
    mutationFn: () => stationsApi.report(stationId, { kind: kind ?? "other", amenity: kind === "amenityMissing" ? amenity : null, note }),
    onError: (e) => void message.error(e instanceof ApiError ? e.message : "提交失败，请重试"),
  });
  if (report.isSuccess) {
    return (
      <Card title="报告问题" size="small">
        <Result
          status="success"
          title="已收到，谢谢"
          subTitle={
            <>
              回执码 <Typography.Text strong copyable data-testid="receipt-code">{report.data.receiptCode}</Typography.Text>，县总工会将在 {report.data.dueDate} 前答复。
            </>
          }
          extra={<Link to={report.data.link}>查看处理进度</Link>}
          style={{ padding: 8 }}
        />
      </Card>
    );
  }
  return (
    <Card title="报告问题" size="small" data-testid="report">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Select size="large" placeholder="遇到了什么问题" aria-label="问题类型" value={kind} onChange={setKind} style={{ width: "100%" }} options={reportKinds.map((k) => ({ value: k, label: reportKindLabels[k] }))} />
        {kind === "amenityMissing" ? (
          <Select size="large" placeholder="哪项设施" aria-label="哪项设施" value={amenity} onChange={setAmenity} style={{ width: "100%" }} options={amenityKeys.map((k) => ({ value: k, label: amenityLabels[k] }))} />
        ) : null}
        <Input.TextArea rows={2} count={{ show: true, max: 500 }} placeholder="补充说明(选填)，如“晚上10点来门锁着”" value={note} onChange={(e) => setNote(e.target.value)} aria-label="补充说明" />
        <Button size="large" danger block disabled={!kind || (kind === "amenityMissing" && !amenity)} loading={report.isPending} onClick={() => report.mutate()}>
          提交报告
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          无需登录，不记录个人信息；凭回执码查看答复。
        </Typography.Text>
      </Space>
    </Card>
  );
}
