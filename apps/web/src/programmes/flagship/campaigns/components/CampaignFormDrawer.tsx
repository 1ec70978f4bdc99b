import { campaignInputSchema, type Campaign, type CampaignInput, type RegionNode } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Switch, TreeSelect, Typography, type FormInstance } from "antd";
import { useMemo, useState } from "react";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { optionalRule } from "../../outcomes/optionalRule";
import { toTreeOptions } from "../../../../app/regions/regionTree";
import { createCampaign } from "../api";
import { campaignQueryKeys } from "../campaignQueryKeys";
import { fieldErrorTargets } from "../fieldErrorTargets";
import { campaignTargetFields } from "../targetProgress";

/** What the form holds: InputNumber reports a cleared box as null, which the API does not accept. */
interface CampaignFormValues {
  name?: string;
  year?: number | null;
  priorityOnly?: boolean;
  regionCodes?: string[];
  targets?: Partial<Record<keyof CampaignInput["targets"], number | null>>;
}

const formFields = [["name"], ["year"], ["priorityOnly"], ["regionCodes"], ...campaignTargetFields.map((f) => ["targets", f.key])];
const shape = campaignInputSchema.shape;

/** Paths come from the server at run time, so the form is addressed untyped here, as applyFieldErrors does. */
function setErrors(target: FormInstance, placed: { name: string[]; errors: string[] }[]) {
  target.setFields(placed);
}

function toInput(values: CampaignFormValues): unknown {
  const targets = Object.fromEntries(Object.entries(values.targets ?? {}).filter(([, v]) => v !== null && v !== undefined));
  return {
    name: values.name ?? "",
    year: values.year ?? undefined,
    priorityOnly: values.priorityOnly ?? false,
    regionCodes: values.regionCodes ?? [],
    targets,
  };
}

interface CampaignFormDrawerProps {
  open: boolean;
  /** The user's region; a campaign can only cover regions inside it (the server refuses others too). */
  scope: RegionNode | null;
  defaultYear: number;
  onClose: () => void;
  onCreated: (campaign: Campaign) => void;
}

export function CampaignFormDrawer({ open, scope, defaultYear, onClose, onCreated }: CampaignFormDrawerProps) {
  const [form] = Form.useForm<CampaignFormValues>();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const regionOptions = useMemo(() => (scope ? [toTreeOptions(scope, false)] : []), [scope]);
  const priorityOnly = Form.useWatch("priorityOnly", form) ?? false;

  function showFieldErrors(fields: Record<string, string>) {
    const { placed, unplaced } = fieldErrorTargets(fields, formFields);
    setErrors(form, placed);
    setFormError(unplaced.length > 0 ? unplaced.join("；") : null);
  }

  const mutation = useMutation({
    mutationFn: createCampaign,
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: campaignQueryKeys.all });
      form.resetFields();
      onCreated(campaign);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) showFieldErrors(error.fields);
      else setFormError(errorMessage(error));
    },
  });

  function submit(values: CampaignFormValues) {
    // The server's own schema first, so the messages match and nothing invalid is sent.
    const parsed = campaignInputSchema.safeParse(toInput(values));
    if (!parsed.success) {
      showFieldErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <Drawer
      title="设立专项行动"
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 560}
      // Input survives closing the drawer by accident; it is cleared only after a successful save.
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form<CampaignFormValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={{ year: defaultYear, priorityOnly: false, regionCodes: [] }}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item label="行动名称" name="name" required rules={[zodRule(shape.name, "请填写行动名称")]}>
          <Input count={{ show: true, max: 80 }} placeholder="如：劳模工匠助企行进山区海岛县专项行动" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item label="年度" name="year" required rules={[zodRule(shape.year, "请填写年度")]}>
              <InputNumber style={{ width: "100%" }} suffix="年" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="仅限山区海岛县" name="priorityOnly" valuePropName="checked" tooltip="只统计山区26县和海岛县；不选区域即为全部山区海岛县">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="覆盖区域"
          name="regionCodes"
          extra={priorityOnly ? "不选即为全部山区海岛县；选了区域则为其中的山区海岛县。" : "可选市或县(市、区)，只能选择本辖区。"}
        >
          <TreeSelect
            multiple
            treeData={regionOptions}
            loading={!scope}
            placeholder={priorityOnly ? "全部山区海岛县" : "请选择"}
            showSearch={{ treeNodeFilterProp: "title" }}
            treeDefaultExpandedKeys={scope ? [scope.code] : []}
            allowClear
          />
        </Form.Item>
        <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
          年度目标
        </Typography.Text>
        <Row gutter={16}>
          {campaignTargetFields.map((field) => (
            <Col xs={12} key={field.key}>
              <Form.Item label={field.label} name={["targets", field.key]} rules={[optionalRule(campaignInputSchema.shape.targets.shape[field.key])]}>
                <InputNumber style={{ width: "100%" }} suffix={field.unit} placeholder="不设" />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" /> : null}
      </Form>
    </Drawer>
  );
}
