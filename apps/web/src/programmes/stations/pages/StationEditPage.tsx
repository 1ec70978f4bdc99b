import { amenityKeys, amenityLabels, chinaYearOf, hostKindLabels, hostKinds, stationStatuses, stationStatusLabels, waterKindLabels, waterKinds, type AmenityKey, type Station, type StationInput } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { request } from "../../../app/request";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { daysAgoText, stationKeys, stationsApi } from "../api";
import { StationStaffExtras } from "../components/StationStaffExtras";

type FormValues = Omit<StationInput, "amenities" | "closedUntil"> & {
  closedUntil: dayjs.Dayjs | null;
  present: AmenityKey[];
  verify: AmenityKey[];
  water: "drinkable" | "refill" | null;
};
const fieldNames = ["name", "hostKind", "hostOrg", "address", "lng", "lat", "countyCode", "unionId", "managerName", "managerPhone", "status", "closedUntil", "removedReason", "amenities", "openingHours", "upgradeClaimedYear"];

/** The county federations to choose as the responsible union (the union tree's own API). */
function useCountyUnions(countyCode: string | undefined) {
  return useQuery({
    queryKey: ["unions", "county", countyCode],
    enabled: Boolean(countyCode),
    queryFn: ({ signal }) => request("/api/unions", { query: { regionCode: countyCode, pageSize: 50 }, signal, schema: { parse: (d) => d as { items: { id: string; name: string; kind: string }[] } } }),
  });
}

/** 登记 / 修改服务站: a save with 现场核实 ticked stamps those amenities (and the hours) as checked today by the editor. */
export function StationEditPage() {
  const { id } = useParams();
  const existing = useQuery({ queryKey: [...stationKeys.all, id], queryFn: ({ signal }) => stationsApi.get(id ?? "", signal), enabled: Boolean(id) });
  if (id && existing.isPending) return <Skeleton active />;
  if (id && existing.isError) return <QueryErrorResult error={existing.error} onRetry={() => void existing.refetch()} />;
  return <StationForm station={existing.data} />;
}

function StationForm({ station }: { station: Station | undefined }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { scope } = useRegionScope();
  const [formError, setFormError] = useState<string | null>(null);
  const countyCode = Form.useWatch("countyCode", form);
  const status = Form.useWatch("status", form);
  const present = Form.useWatch("present", form) ?? [];
  const unions = useCountyUnions(countyCode);
  useEffect(() => {
    const federation = unions.data?.items.find((u) => u.kind === "county");
    if (federation && !form.getFieldValue("unionId")) form.setFieldValue("unionId", federation.id);
  }, [unions.data, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      // present / verify / water are the form's own checklist fields; the API (a strict object) takes them as `amenities`.
      const { present: _present, verify: _verify, water: _water, ...fields } = v;
      const body: StationInput = {
        ...fields,
        managerPhone: v.managerPhone || undefined,
        closedUntil: v.closedUntil ? v.closedUntil.format("YYYY-MM-DD") : null,
        removedReason: v.removedReason ?? null,
        amenities: v.present.map((key) => ({ key, water: key === "water" ? v.water : null, verify: v.verify.includes(key) })),
        localItems: v.localItems ?? [],
        openingHours: v.openingHours ?? "",
        upgradeClaimedYear: v.upgradeClaimedYear ?? null,
      };
      return station ? stationsApi.update(station.id, body) : stationsApi.create(body);
    },
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: stationKeys.all });
      void message.success("已保存");
      void navigate(`/stations/${s.id}`);
    },
    onError: (e) => setFormError(formErrorOf(form, e, fieldNames)),
  });

  const initial: Partial<FormValues> = station
    ? {
        ...station,
        managerPhone: undefined,
        closedUntil: station.closedUntil ? dayjs(station.closedUntil) : null,
        present: station.amenities.map((a) => a.key),
        verify: [],
        water: station.amenities.find((a) => a.key === "water")?.water ?? null,
        verifyHours: false,
      }
    : { hostKind: "union", status: "open", present: [], verify: [], water: null, localItems: [], openingHours: "", verifyHours: false, upgradeClaimedYear: null };
  const verifiedOf = (k: AmenityKey) => station?.amenities.find((a) => a.key === k)?.verifiedAt ?? null;
  return (
    <>
      <PageHeader title={station ? `修改：${station.name}` : "登记服务站"} description="坐标用高德地图拾取(GCJ-02)；开放时间按 OpenStreetMap 格式，如“Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00; PH off”或“24/7”。" />
      {station ? <StationStaffExtras station={station} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} onValuesChange={() => setFormError(null)}>
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item name="name" label="站点名称" rules={[{ required: true, message: "请填写站点名称" }]}><Input count={{ show: true, max: 60 }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="hostKind" label="依托单位类型"><Select options={hostKinds.map((k) => ({ value: k, label: hostKindLabels[k] }))} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="hostOrg" label="依托单位" rules={[{ required: true, message: "请填写依托单位" }]}><Input count={{ show: true, max: 100 }} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="address" label="地址" rules={[{ required: true, message: "请填写地址" }]}><Input count={{ show: true, max: 200 }} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="lng" label="经度" rules={[{ required: true, message: "请填写经度" }]}><InputNumber style={{ width: "100%" }} step={0.0001} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="lat" label="纬度" rules={[{ required: true, message: "请填写纬度" }]}><InputNumber style={{ width: "100%" }} step={0.0001} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="countyCode" label="所在县(市、区)" rules={[{ required: true, message: "请选择所在县(市、区)" }]}><CountyPicker scope={scope} onChange={() => form.setFieldValue("unionId", undefined)} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="unionId" label="负责的工会" rules={[{ required: true, message: "请选择负责的工会" }]}><Select loading={unions.isFetching} options={(unions.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="managerName" label="负责人" rules={[{ required: true, message: "请填写负责人" }]}><Input count={{ show: true, max: 32 }} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="managerPhone" label="负责人手机" extra={station ? `现为 ${station.managerPhoneMasked}，不改请留空` : undefined} rules={station ? [] : [{ required: true, message: "请填写负责人手机号" }]}><Input count={{ show: true, max: 20 }} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title="状态与开放时间" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}><Form.Item name="status" label="状态"><Select options={stationStatuses.map((s) => ({ value: s, label: stationStatusLabels[s] }))} /></Form.Item></Col>
            {status === "closed" ? <Col xs={24} md={6}><Form.Item name="closedUntil" label="暂停至"><DatePicker style={{ width: "100%" }} /></Form.Item></Col> : null}
            {status === "removed" ? <Col xs={24} md={12}><Form.Item name="removedReason" label="撤销原因"><Input count={{ show: true, max: 200 }} /></Form.Item></Col> : null}
            <Col xs={24} md={12}><Form.Item name="openingHours" label="开放时间(OpenStreetMap 格式)" extra={station ? `开放时间${station.hoursVerifiedAt ? daysAgoText(station.hoursVerifiedAt) : "尚未核实"}` : undefined}><Input placeholder="Mo-Su 08:00-20:00; PH 09:00-17:00" count={{ show: true, max: 255 }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="verifyHours" valuePropName="checked" label=" "><Checkbox>开放时间已现场核实</Checkbox></Form.Item></Col>
          </Row>
        </Card>
        <Card title="设施(“10+X”)" style={{ marginBottom: 16 }}>
          <Form.Item name="present" label="具备的设施"><Checkbox.Group options={amenityKeys.map((k) => ({ value: k, label: amenityLabels[k] }))} /></Form.Item>
          {present.includes("water") ? <Form.Item name="water" label="饮水"><Select style={{ maxWidth: 200 }} options={waterKinds.map((w) => ({ value: w, label: waterKindLabels[w] }))} /></Form.Item> : null}
          <Form.Item name="verify" label="本次现场核实的设施(记为今天由您核实)">
            <Checkbox.Group>
              <Space wrap>
                {present.map((k) => (
                  <Checkbox key={k} value={k}>
                    {amenityLabels[k]} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({daysAgoText(verifiedOf(k))})</Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="localItems" label="特色服务(X)"><Select mode="tags" tokenSeparators={[",", "，", "、"]} placeholder="如 热饭、雨具、打气筒" /></Form.Item>
        </Card>
        <Card title="提升改造" style={{ marginBottom: 16 }}>
          <Form.Item name="upgradeClaimedYear" label="申报为哪一年的提升改造站点" extra="只有满足认定规则(十项设施齐全、90天内核实、无未办结的锁门报告)才计入认定数"><InputNumber placeholder={String(chinaYearOf(new Date()))} /></Form.Item>
        </Card>
        {formError ? <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending}>保存</Button>
      </Form>
    </>
  );
}
