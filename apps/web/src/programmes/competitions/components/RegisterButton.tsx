import { UserAddOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Modal, Select } from "antd";
import { useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { request, type Parser } from "../../../app/request";
import { useSession } from "../../../app/session";
import { competitionKeys, competitionsApi } from "../api";

type PersonOption = { id: string; name: string; residentIdMasked: string; employerName: string | null; enterpriseName?: string | null };
const people: Parser<{ items: PersonOption[] }> = { parse: (d) => d as { items: PersonOption[] } };

/**
 * 报名: a worker registers themself with one tap (a phone is the usual device); a union or staff picks
 * one of the people they may act for (the people registry, searched by name).
 */
export function RegisterButton({ eventId, eventName }: { eventId: string; eventName: string }) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [picking, setPicking] = useState(false);
  const [q, setQ] = useState("");
  const [personId, setPersonId] = useState<string>();
  const found = useQuery({
    queryKey: ["people", "pick", q],
    enabled: picking,
    queryFn: ({ signal }) => request("/api/people", { query: { q: q || undefined, page: 1, pageSize: 30 }, schema: people, signal }),
  });
  const register = useMutation({
    mutationFn: (pid?: string) => competitionsApi.register(eventId, pid),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: competitionKeys.all });
      setPicking(false);
      void modal.success({ title: "报名成功", content: `${r.personName}已报名“${eventName}”。抽签后将生成匿名参赛号。` });
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : "报名失败，请重试"),
  });
  if (user.role === "worker") {
    return (
      <Button type="primary" icon={<UserAddOutlined />} loading={register.isPending} onClick={() => register.mutate(undefined)}>
        我要报名
      </Button>
    );
  }
  return (
    <>
      <Button icon={<UserAddOutlined />} onClick={() => setPicking(true)}>
        代为报名
      </Button>
      <Modal open={picking} title={`为职工报名：${eventName}`} okText="报名" cancelText="取消" okButtonProps={{ disabled: !personId }} confirmLoading={register.isPending} onCancel={() => setPicking(false)} onOk={() => register.mutate(personId)} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label="职工(本会会员或本辖区职工)">
            <Select
              value={personId}
              onChange={setPersonId}
              placeholder="输入姓名搜索"
              loading={found.isFetching}
              showSearch={{ onSearch: setQ, filterOption: false }}
              options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.residentIdMasked}）${p.enterpriseName ?? p.employerName ?? ""}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
