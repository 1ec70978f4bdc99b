import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { aspectKindLabels, aspectKinds, type EventInput } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import { ApiError } from "../../../app/ApiError";
import { competitionKeys, competitionsApi } from "../api";

type Values = {
  name: string;
  tradeCode: string;
  tradeName: string;
  aspects: { key: string; name: string; kind: "measurement" | "judgement"; maxMark: number; weight: number }[];
  dropExtremes: boolean;
  divergenceGap: number;
  measurementFirst: boolean;
  first: number;
  second: number;
  third: number;
  merit: number;
  occupations?: string;
  minAge?: number | null;
  maxAge?: number | null;
};

/** 新建赛项: the trade, the marking scheme (aspects, weights, dropped extremes, divergence gap, tie-breaker), prizes and eligibility. */
export function EventFormModal({ competitionId, onClose }: { competitionId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: EventInput = {
        name: v.name,
        tradeCode: v.tradeCode,
        tradeName: v.tradeName,
        scheme: { aspects: v.aspects, dropExtremes: v.dropExtremes, divergenceGap: v.divergenceGap, tieBreakers: v.measurementFirst ? [{ by: "kindSubtotal", kind: "measurement" }] : [] },
        prizeCounts: { first: v.first, second: v.second, third: v.third, merit: v.merit },
        eligibility: { occupations: (v.occupations ?? "").split(/[,，、\s]+/).filter(Boolean), minAge: v.minAge ?? null, maxAge: v.maxAge ?? null, skillLevels: [] },
      };
      return competitionsApi.createEvent(competitionId, body);
    },
    onSuccess: (e) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      void message.success(`已新建赛项“${e.name}”`);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) void message.error(Object.values(err.fields).join("；"));
      else void message.error(err instanceof Error ? err.message : "保存失败");
    },
  });
  return (
    <Modal open width={720} title="新建赛项" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{
          aspects: [
            { key: "M1", name: "实操", kind: "measurement", maxMark: 60, weight: 60 },
            { key: "J1", name: "综合评价", kind: "judgement", maxMark: 40, weight: 40 },
          ],
          dropExtremes: true,
          divergenceGap: 5,
          measurementFirst: true,
          first: 1,
          second: 2,
          third: 3,
          merit: 5,
          minAge: 18,
          maxAge: 60,
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="name" label="赛项名称" rules={[{ required: true, message: "请填写赛项名称" }]} style={{ flex: "1 1 200px" }}>
            <Input />
          </Form.Item>
          <Form.Item name="tradeCode" label="职业编码(职业分类大典)" rules={[{ required: true, message: "如 4-10-01-05" }]} style={{ flex: "1 1 160px" }}>
            <Input placeholder="4-10-01-05" />
          </Form.Item>
          <Form.Item name="tradeName" label="职业(工种)" rules={[{ required: true, message: "请填写职业(工种)" }]} style={{ flex: "1 1 160px" }}>
            <Input />
          </Form.Item>
        </Flex>
        <Typography.Text strong>评分标准</Typography.Text>
        <Form.List name="aspects">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: "flex", marginTop: 8 }}>
                  <Form.Item name={[f.name, "key"]} rules={[{ required: true, message: "代码" }]} noStyle>
                    <Input placeholder="代码" style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: "名称" }]} noStyle>
                    <Input placeholder="评分项" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "kind"]} noStyle>
                    <Select style={{ width: 120 }} options={aspectKinds.map((k) => ({ value: k, label: aspectKindLabels[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, "maxMark"]} noStyle>
                    <InputNumber addonBefore="满分" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "weight"]} noStyle>
                    <InputNumber addonBefore="权重" style={{ width: 130 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除评分项" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ key: `A${fields.length + 1}`, name: "", kind: "judgement", maxMark: 10, weight: 10 })}>
                添加评分项
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={16} wrap style={{ marginTop: 16 }}>
          <Form.Item name="dropExtremes" valuePropName="checked">
            <Checkbox>评价分去掉一个最高分和一个最低分</Checkbox>
          </Form.Item>
          <Form.Item name="measurementFirst" valuePropName="checked">
            <Checkbox>总分相同时测量分高者列前</Checkbox>
          </Form.Item>
          <Form.Item name="divergenceGap" label="评价分差超过(分)提示裁判长">
            <InputNumber />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          {(["first", "second", "third", "merit"] as const).map((k) => (
            <Form.Item key={k} name={k} label={{ first: "一等奖", second: "二等奖", third: "三等奖", merit: "优胜奖" }[k]}>
              <InputNumber style={{ width: 100 }} />
            </Form.Item>
          ))}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="occupations" label="限报职业(逗号分隔，空为不限)" style={{ flex: "1 1 240px" }}>
            <Input />
          </Form.Item>
          <Form.Item name="minAge" label="最低年龄">
            <InputNumber />
          </Form.Item>
          <Form.Item name="maxAge" label="最高年龄">
            <InputNumber />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
