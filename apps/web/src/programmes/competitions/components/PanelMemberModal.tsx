import { panelDuties, panelDutyLabels, type PanelDuty, type PanelMember, type Registration } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Radio, Select } from "antd";
import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { request, type Parser } from "../../../app/request";
import { EnterprisePicker } from "../../../masterData/enterprises";
import { competitionKeys, competitionsApi } from "../api";

type PersonOption = { id: string; name: string; residentIdMasked: string; employerName: string | null; enterpriseName?: string | null };
const people: Parser<{ items: PersonOption[] }> = { parse: (d) => d as { items: PersonOption[] } };

type Values = { userId?: string; duty: PanelDuty; employerEnterpriseId?: string; employerName?: string; traineePersonIds: string[] };

/** Debounces a search box so the server is asked once typing pauses. */
function useDebounced(value: string, ms = 300): string {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setOut(value.trim()), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return out;
}

/**
 * 指派裁判组成员: an account that may judge (experts, staff), its duty, its declared employer (a firm on
 * record or a name) and declared trainees (this event's contestants or anyone in the people registry).
 * The declarations are what the allocation's conflict check reads. Editing re-posts the same account.
 */
export function PanelMemberModal({ eventId, open, editing, registrations, onClose }: { eventId: string; open: boolean; editing: PanelMember | null; registrations: Registration[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [accountQ, setAccountQ] = useState("");
  const [personQ, setPersonQ] = useState("");
  const account = useDebounced(accountQ);
  const person = useDebounced(personQ);
  const candidates = useQuery({
    queryKey: [...competitionKeys.event(eventId), "candidates", account],
    enabled: open && !editing,
    queryFn: ({ signal }) => competitionsApi.panelCandidates(eventId, account, signal),
    placeholderData: keepPreviousData,
  });
  const found = useQuery({
    queryKey: ["people", "pick", person],
    enabled: open && person !== "",
    queryFn: ({ signal }) => request("/api/people", { query: { q: person, page: 1, pageSize: 20 }, schema: people, signal }),
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        userId: editing.userId,
        duty: editing.duty,
        employerEnterpriseId: editing.employerEnterpriseId ?? undefined,
        employerName: editing.employerName ?? undefined,
        traineePersonIds: editing.traineePersonIds,
      });
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      competitionsApi.addPanelMember(eventId, {
        userId: v.userId ?? "",
        duty: v.duty,
        employerEnterpriseId: v.employerEnterpriseId ?? null,
        employerName: v.employerName?.trim() ? v.employerName.trim() : null,
        traineePersonIds: v.traineePersonIds ?? [],
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: competitionKeys.event(eventId) });
      void message.success("裁判组已更新");
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
    },
  });
  // Contestants first (the usual trainees to declare), then people found by name.
  const personOptions = new Map<string, string>();
  for (const r of registrations) if (r.status === "registered") personOptions.set(r.personId, `${r.personName}${r.entryNumber ? `(${r.entryNumber})` : ""}${r.employerName ? ` · ${r.employerName}` : ""}`);
  for (const p of found.data?.items ?? []) if (!personOptions.has(p.id)) personOptions.set(p.id, `${p.name}（${p.residentIdMasked}）${p.enterpriseName ?? p.employerName ?? ""}`);
  return (
    <Modal
      open={open}
      title={editing ? `修改裁判组成员：${editing.displayName}` : "指派裁判组成员"}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ duty: "judge", traineePersonIds: [] }}>
        <Form.Item name="userId" label="账号" rules={[{ required: true, message: "请选择担任裁判的账号" }]} extra="劳模工匠或工会工作人员账号">
          {editing ? (
            <Select disabled options={[{ value: editing.userId, label: editing.displayName }]} />
          ) : (
            <Select
              placeholder="输入姓名或登录名搜索"
              loading={candidates.isFetching}
              showSearch={{ onSearch: setAccountQ, filterOption: false }}
              notFoundContent={candidates.isError ? "账号加载失败" : candidates.isFetching ? "搜索中…" : "无数据"}
              options={(candidates.data ?? []).map((c) => ({ value: c.userId, label: `${c.displayName}(${c.roleLabel})` }))}
            />
          )}
        </Form.Item>
        <Form.Item name="duty" label="职责" rules={[{ required: true, message: "请选择职责" }]}>
          <Radio.Group optionType="button" options={panelDuties.map((d) => ({ value: d, label: panelDutyLabels[d] }))} />
        </Form.Item>
        <Form.Item name="employerEnterpriseId" label="申报工作单位(在册企业)">
          <EnterprisePicker placeholder="输入企业名称搜索(可不选)" />
        </Form.Item>
        <Form.Item name="employerName" label="申报工作单位名称" extra="不在企业名录中的单位填写名称；同一单位的选手将回避该裁判" rules={[{ max: 100, message: "单位名称不超过100字" }]}>
          <Input placeholder="如：淳安县家政协会" count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="traineePersonIds" label="申报徒弟/学员" extra="本赛项选手列在前面；也可输入姓名在职工库中搜索">
          <Select
            mode="multiple"
            placeholder="选择或搜索"
            showSearch={{ onSearch: setPersonQ, filterOption: false }}
            loading={found.isFetching}
            notFoundContent="无数据"
            options={[...personOptions].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length) ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
      </Form>
    </Modal>
  );
}
