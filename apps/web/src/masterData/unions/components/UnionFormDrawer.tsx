import {
  isFederationKind,
  unionFormationLabels,
  unionFormations,
  unionInputSchema,
  unionPatchSchema,
  type RegionNode,
  type UnionDetail,
  type UnionInput,
} from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { DrawerFooter } from "../../../app/components/DrawerFooter";
import { parseFormInput } from "../../../app/parseFormInput";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useIsMobile } from "../../../app/useIsMobile";
import { zodRule } from "../../../app/zodRule";
import { createUnion, updateUnion } from "../api";
import { unionQueryKeys } from "../unionQueryKeys";
import { CoveredEnterprisesSelect } from "./CoveredEnterprisesSelect";
import { UnionPicker } from "./UnionPicker";

const fieldNames = Object.keys(unionInputSchema.shape);
const shape = unionInputSchema.shape;
const formationOptions = unionFormations.map((f) => ({ value: f, label: unionFormationLabels[f] }));
const formationHelp: Record<string, string> = {
  single: "一家企业单独建立工会，覆盖该企业",
  joint: "几家小微企业联合建立工会，覆盖至少2家企业",
  regional: "按园区、乡镇(街道)等区域建立，覆盖区域内企业",
  coverage: "按行业或新就业形态覆盖，可不列企业",
};

type Values = Omit<UnionInput, "foundedOn"> & { foundedOn?: string | null };

interface UnionFormDrawerProps {
  open: boolean;
  /** The user's own region: only its county-level units can be picked. */
  scope: RegionNode | null;
  /** Given: edit this union; absent: add one. */
  union?: UnionDetail;
  /** A new union's parent to start from (adding below the union on screen). */
  parent?: { id: string; name: string };
  onClose: () => void;
  onSaved: (union: UnionDetail) => void;
}

/** Adds an industry or grassroots union, or edits one; every rule the server keeps is answered next to its field. */
export function UnionFormDrawer({ open, scope, union, parent, onClose, onSaved }: UnionFormDrawerProps) {
  const [form] = Form.useForm<Values>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form) ?? union?.kind ?? "grassroots";
  const regionCode = Form.useWatch("regionCode", form) ?? union?.regionCode;
  const formation = Form.useWatch("formation", form);
  const editing = Boolean(union);
  const federation = union ? isFederationKind(union.kind) : false;

  useEffect(() => {
    if (!open) return;
    if (union) {
      form.setFieldsValue({
        name: union.name,
        kind: union.kind === "industry" ? "industry" : "grassroots",
        formation: union.formation,
        regionCode: union.regionCode,
        parentId: union.parentId ?? undefined,
        foundedOn: union.foundedOn,
        chairName: union.chairName,
        memberCount: union.memberCount,
        enterpriseIds: union.enterprises.map((e) => e.id),
      });
    } else {
      form.resetFields();
      if (scope?.level === "county") form.setFieldValue("regionCode", scope.code);
      if (parent) form.setFieldValue("parentId", parent.id);
    }
  }, [open, union, parent, scope, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      if (union) {
        const patch = { name: values.name, parentId: values.parentId, foundedOn: values.foundedOn ?? null, chairName: values.chairName || null, memberCount: values.memberCount };
        const full = federation ? patch : { ...patch, enterpriseIds: values.enterpriseIds ?? [], ...(union.kind === "grassroots" && values.formation ? { formation: values.formation } : {}) };
        const parsed = parseFormInput(form, unionPatchSchema, full, fieldNames, setFormError);
        if (!parsed) return Promise.reject(new Error("FORM"));
        return updateUnion(union.id, parsed);
      }
      const input = parseFormInput(form, unionInputSchema, { ...values, formation: values.kind === "grassroots" ? values.formation : null, chairName: values.chairName || null, foundedOn: values.foundedOn ?? null }, fieldNames, setFormError);
      if (!input) return Promise.reject(new Error("FORM"));
      return createUnion(input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: unionQueryKeys.all });
      onSaved(saved);
    },
    onError: (error) => {
      // A form-side refusal has already put its messages by the fields.
      if (error instanceof Error && error.message === "FORM") return;
      setFormError(formErrorOf(form, error, fieldNames));
    },
  });

  return (
    <Drawer
      title={editing ? "修改工会组织" : "新建工会组织"}
      open={open}
      onClose={() => {
        setFormError(null);
        onClose();
      }}
      size={isMobile ? "100%" : 640}
      forceRender
      footer={<DrawerFooter onCancel={() => { setFormError(null); onClose(); }} onSave={() => form.submit()} saving={mutation.isPending} />}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ kind: "grassroots", formation: "single", memberCount: 0, enterpriseIds: [] }}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item label="工会名称" name="name" required rules={[zodRule(shape.name, "请填写工会名称")]}>
              <Input count={{ show: true, max: 100 }} placeholder="如：××有限公司工会委员会" />
            </Form.Item>
          </Col>
          {federation ? null : (
            <Col xs={24} md={12}>
              <Form.Item label="工会类别" name="kind" required>
                <Radio.Group disabled={editing} optionType="button" options={[{ value: "grassroots", label: "基层工会" }, { value: "industry", label: "产业工会" }]} />
              </Form.Item>
            </Col>
          )}
          {kind === "grassroots" && !federation ? (
            <Col xs={24} md={12}>
              <Form.Item label="建会方式" name="formation" required extra={formation ? formationHelp[formation] : undefined}>
                <Select options={formationOptions} placeholder="请选择" />
              </Form.Item>
            </Col>
          ) : null}
          {federation ? null : (
            <Col xs={24} md={12}>
              <Form.Item label="所在县(市、区)" name="regionCode" required rules={[zodRule(shape.regionCode, "请选择所在县(市、区)")]}>
                <CountyPicker scope={scope} disabled={editing} onChange={() => form.setFieldValue("enterpriseIds", [])} />
              </Form.Item>
            </Col>
          )}
          {federation ? null : (
            <Col xs={24} md={12}>
              <Form.Item label="上级工会" name="parentId" required rules={[zodRule(shape.parentId, "请选择上级工会")]}>
                <UnionPicker currentName={union?.parentName ?? parent?.name ?? null} excludeId={union?.id} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              label="成立日期"
              name="foundedOn"
              getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : null)}
            >
              <DatePicker style={{ width: "100%" }} placeholder="选择日期" disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="工会主席" name="chairName" rules={[zodRule(shape.chairName)]}>
              <Input count={{ show: true, max: 32 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="会员人数" name="memberCount" rules={[zodRule(shape.memberCount)]}>
              <InputNumber style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          {federation ? null : (
            <Col xs={24}>
              <Form.Item label="覆盖企业" name="enterpriseIds" extra="工会所覆盖(建会)的企业；建会率按此统计">
                <CoveredEnterprisesSelect countyCode={regionCode} known={union?.enterprises} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
