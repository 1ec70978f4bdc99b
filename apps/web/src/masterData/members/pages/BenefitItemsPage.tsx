import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { benefitEligibilitySchema, benefitItemInputSchema, personCategories, personCategoryLabels, type BenefitItem, type BenefitItemInput, type PersonCategory } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Skeleton, Switch, Tag, TreeSelect, type FormRule, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { ResponsiveTable } from "../../../app/components/ResponsiveTable";
import { regionNameIndex, toTreeOptions } from "../../../app/regions/regionTree";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { useCan } from "../../../app/session";
import type { FieldSchema } from "../../../app/zodRule";
import { addBenefitItem, fetchBenefitItems, memberQueryKeys, updateBenefitItem } from "../api";

type FormValues = {
  code: string;
  name: string;
  regionCode: string;
  description: string;
  categories: PersonCategory[];
  minMemberDays: number | null;
  yearlyLimit: number | null;
  active: boolean;
};
/**
 * A number box that may stay empty (then the default: 0 days, no limit); a value is checked by the
 * domain schema and refused with its message — the box itself never rounds or clamps (no precision,
 * min or max: 0 → 1 or 999 → 366 silently was issue 11's complaint).
 */
const optionalNumberRule = (schema: FieldSchema): FormRule => ({
  validator: (_rule, value: unknown) => {
    if (value === undefined || value === null || value === "") return Promise.resolve();
    const result = schema.safeParse(value);
    return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message ?? "填写有误"));
  },
});

const fieldNames = ["code", "name", "regionCode", "description", "eligibility", "yearlyLimit", "active"];
const categoryOptions = personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }));

/** Who may receive an item, in words. */
function eligibilityText(item: BenefitItem): string {
  const who = item.eligibility.categories.length ? item.eligibility.categories.map((c) => personCategoryLabels[c]).join("、") : "全体在会会员";
  return item.eligibility.minMemberDays > 0 ? `${who}；入会满${item.eligibility.minMemberDays}天` : who;
}

/**
 * 普惠服务项目(9+X): the nine standard items the province sets, and the local X items each city or
 * county federation adds for its own region — with who may receive them (member categories, days of
 * membership) and how often a year. A switched-off item takes no new ledger rows and keeps its records.
 * Everyone with member.read sees the list; staff edit the local items of their own region.
 */
export function BenefitItemsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const can = useCan();
  const mayWrite = can("benefitItem.write");
  const items = useQuery({ queryKey: memberQueryKeys.benefitItems, queryFn: ({ signal }) => fetchBenefitItems(signal) });
  const { scope, data: tree } = useRegionScope();
  const names = useMemo(() => (tree ? regionNameIndex(tree) : new Map<string, string>()), [tree]);
  const inScope = useMemo(() => (scope ? regionNameIndex(scope) : new Map<string, string>()), [scope]);
  const regionOptions = useMemo(() => (scope ? [toTreeOptions(scope, false)] : []), [scope]);
  const [form] = Form.useForm<FormValues>();
  /** null: closed; "new": adding; else the item being edited. */
  const [editing, setEditing] = useState<BenefitItem | "new" | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        name: v.name,
        description: v.description ?? "",
        eligibility: { categories: v.categories ?? [], minMemberDays: v.minMemberDays ?? 0 },
        yearlyLimit: v.yearlyLimit ?? null,
      };
      return editing === "new" || editing === null
        ? addBenefitItem({ ...body, code: v.code, regionCode: v.regionCode } satisfies BenefitItemInput)
        : updateBenefitItem(editing.code, { ...body, active: v.active });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (item) => {
      void message.success(editing === "new" ? `已新增“${item.name}”` : `已保存“${item.name}”`);
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: memberQueryKeys.benefitItems });
    },
    // The server names eligibility's parts as eligibility.categories / .minMemberDays.
    onError: (err) => setFormError(formErrorOf(form, err, fieldNames)),
  });

  function open(item: BenefitItem | "new") {
    setFormError(null);
    setEditing(item);
    form.resetFields();
    form.setFieldsValue(
      item === "new"
        ? { code: "", name: "", regionCode: scope?.code, description: "", categories: [], minMemberDays: 0, yearlyLimit: 1, active: true }
        : {
            code: item.code,
            name: item.name,
            regionCode: item.regionCode ?? undefined,
            description: item.description,
            categories: item.eligibility.categories,
            minMemberDays: item.eligibility.minMemberDays,
            yearlyLimit: item.yearlyLimit,
            active: item.active,
          },
    );
  }

  if (items.isPending) return <Skeleton active />;
  if (items.isError) return <QueryErrorResult error={items.error} onRetry={() => void items.refetch()} />;

  const columns: TableColumnsType<BenefitItem> = [
    {
      title: "项目",
      key: "name",
      // The code is the API's key, not a name: shown only in the edit form of a new item.
      render: (_, item) => item.name,
    },
    {
      title: "类别",
      key: "kind",
      render: (_, item) =>
        item.kind === "standard" ? <Tag color="blue">9项标准</Tag> : <Tag color="purple">本地X项 · {names.get(item.regionCode ?? "") ?? item.regionCode}</Tag>,
    },
    { title: "享受条件", key: "eligibility", responsive: ["md"], render: (_, item) => eligibilityText(item) },
    { title: "年度上限", key: "limit", render: (_, item) => (item.yearlyLimit === null ? "不限" : `${item.yearlyLimit}次/人`) },
    { title: "状态", key: "active", responsive: ["sm"], render: (_, item) => (item.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    { title: "说明", dataIndex: "description", responsive: ["lg"], render: (d: string) => d || "—" },
  ];
  if (mayWrite) {
    columns.push({
      title: "操作",
      key: "edit",
      render: (_, item) =>
        item.kind === "local" && item.regionCode && inScope.has(item.regionCode) ? (
          <Button size="small" icon={<EditOutlined />} aria-label={`编辑${item.name}`} onClick={() => open(item)}>
            编辑
          </Button>
        ) : null,
    });
  }
  const adding = editing === "new";

  return (
    <>
      <PageHeader
        title="普惠服务项目"
        description="9项标准服务由省总工会统一设置；各市、县(市、区)总工会可为本辖区增设本地X项，规定享受条件和每人每年次数上限。会员每享受一次服务记入普惠服务台账。"
        extra={
          mayWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")}>
              新增本地项目
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <ResponsiveTable<BenefitItem> rowKey="code" columns={columns} dataSource={items.data.items} pagination={false} size="middle" />
      </Card>
      <Modal
        title={editing !== null && editing !== "new" ? `编辑：${editing.name}` : "新增本地服务项目"}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={save.isPending}
        forceRender
      >
        <Form<FormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={() => setFormError(null)}>
          {adding ? (
            <>
              <Form.Item name="code" label="项目代码" extra="英文字母或数字，以小写字母开头，如 hzNightMeal；保存后不能修改" rules={[{ required: true, message: "请填写项目代码" }]}>
                <Input count={{ show: true, max: 31 }} autoComplete="off" spellCheck={false} />
              </Form.Item>
              <Form.Item name="regionCode" label="适用地区" extra="只对在该地区工作的会员有效" rules={[{ required: true, message: "请选择适用地区" }]}>
                <TreeSelect treeData={regionOptions} showSearch={{ treeNodeFilterProp: "title" }} treeDefaultExpandedKeys={scope ? [scope.code] : []} placeholder="选择市或县(市、区)" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="name" label="项目名称" rules={[{ required: true, message: "请填写项目名称" }]}>
            <Input count={{ show: true, max: 30 }} />
          </Form.Item>
          <Form.Item name="categories" label="享受对象" extra="不选即全体在会会员">
            <Checkbox.Group options={categoryOptions} />
          </Form.Item>
          <Form.Item name="minMemberDays" label="入会满(天)" rules={[optionalNumberRule(benefitEligibilitySchema.shape.minMemberDays)]}>
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="yearlyLimit" label="每人每年次数上限" extra="留空为不限次数" rules={[optionalNumberRule(benefitItemInputSchema.shape.yearlyLimit)]}>
            <InputNumber style={{ width: 160 }} placeholder="不限" />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={2} count={{ show: true, max: 200 }} />
          </Form.Item>
          {!adding ? (
            <Form.Item name="active" label="启用" valuePropName="checked" extra="停用后不再登记新的服务记录，已有记录保留">
              <Switch />
            </Form.Item>
          ) : null}
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </Form>
      </Modal>
    </>
  );
}
