import { competitionLevelLabels, competitionLevels, competitionTierLabels, competitionTiers, type CompetitionInput } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { UnionPicker } from "../../../masterData/unions";
import { competitionKeys, competitionsApi } from "../api";

type Values = Omit<CompetitionInput, "startsOn" | "endsOn"> & { dates: [Dayjs, Dayjs] };

/** 新建竞赛: name, tier, level, organiser union, dates, venue and the county it is held in. */
export function CompetitionFormModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { scope } = useRegionScope();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: ({ dates, ...v }: Values) => competitionsApi.create({ ...v, startsOn: dates[0].format("YYYY-MM-DD"), endsOn: dates[1].format("YYYY-MM-DD") }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      void message.success(`已新建“${c.name}”`);
      onClose();
      void navigate(`/competitions/${c.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) form.setFields(Object.entries(err.fields).map(([name, e]) => ({ name: (name === "startsOn" || name === "endsOn" ? "dates" : name) as keyof Values, errors: [e] })));
      else void message.error(err instanceof Error ? err.message : "保存失败");
    },
  });
  return (
    <Modal open title="新建竞赛" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ tier: "regular", level: "county" }}>
        <Form.Item name="name" label="竞赛名称" rules={[{ required: true, message: "请填写竞赛名称" }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="tier" label="类别" rules={[{ required: true }]}>
          <Select options={competitionTiers.map((t) => ({ value: t, label: competitionTierLabels[t] }))} />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={[{ required: true }]}>
          <Select options={competitionLevels.map((l) => ({ value: l, label: competitionLevelLabels[l] }))} />
        </Form.Item>
        <Form.Item name="organiserUnionId" label="主办工会" rules={[{ required: true, message: "请选择主办工会" }]}>
          <UnionPicker />
        </Form.Item>
        <Form.Item name="dates" label="比赛日期" rules={[{ required: true, message: "请选择比赛日期" }]}>
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="venue" label="举办地点" rules={[{ required: true, message: "请填写举办地点" }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="countyCode" label="举办地所在县(市、区)" rules={[{ required: true, message: "请选择举办地所在县(市、区)" }]}>
          <CountyPicker scope={scope} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
