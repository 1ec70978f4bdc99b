import { lotteryHex, lotteryNumber, sha256Hex, type RecuperationPublicEntry } from "@jiangxin/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Input, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { fetchPublicEntry, fetchPublicRounds } from "../api";

/**
 * 摇号验证 (no login): the round's committed SHA-256 and, once published, its seed; anyone types an
 * application number and the browser recomputes its lottery number (SHA-256 of seed:id, first 8 bytes)
 * with the very code the server draws with, and compares it with what the server recorded.
 */
export function PublicLotteryPage() {
  const rounds = useQuery({ queryKey: ["public", "recuperation", "rounds"], queryFn: ({ signal }) => fetchPublicRounds(signal) });
  const [roundId, setRoundId] = useState<string>();
  const [applicationId, setApplicationId] = useState("");
  const round = rounds.data?.find((r) => r.id === roundId) ?? rounds.data?.find((r) => r.seed);
  const [mine, setMine] = useState<{ hex: string; decimal: string } | null>(null);
  const check = useMutation({ mutationFn: (): Promise<RecuperationPublicEntry> => fetchPublicEntry(round!.id, applicationId.trim()) });
  const seedOk = round?.seed ? sha256Hex(round.seed) === round.seedHash : null;
  return (
    <PublicLayout title="疗休养摇号验证">
      <Typography.Title level={3}>职工疗休养摇号验证</Typography.Title>
      <Typography.Paragraph type="secondary">
        每轮摇号前公开种子的SHA-256，摇号后公开种子本身。摇号号码 = SHA-256(种子 + “:” + 申请编号) 的前8个字节(无符号大端整数)；同一优先分组内号码小者在前。
      </Typography.Paragraph>
      {rounds.isPending ? (
        <Skeleton active />
      ) : (
        <Card>
          <Flex vertical gap={12}>
            <Select id="recuperation-round" aria-label="选择轮次" placeholder="选择轮次" value={round?.id} onChange={(v: string) => { setRoundId(v); setMine(null); check.reset(); }} options={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.seed ? "(已公布)" : "(已承诺)"}` }))} />
            {round ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "h", label: "种子SHA-256(事先公开)", children: <Typography.Text code style={{ wordBreak: "break-all" }}>{round.seedHash}</Typography.Text> },
                  { key: "s", label: "种子(事后公开)", children: round.seed ? <Typography.Text code data-testid="public-seed">{round.seed}</Typography.Text> : "尚未公布" },
                  ...(seedOk === null ? [] : [{ key: "ok", label: "种子与承诺", children: seedOk ? <span data-testid="seed-ok">一致：种子的SHA-256等于事先公开的值</span> : "不一致" }]),
                ]}
              />
            ) : null}
            {round?.seed ? (
              <>
                <Input placeholder="申请编号(在“我的疗休养”中可复制)" value={applicationId} onChange={(e) => { setApplicationId(e.target.value); setMine(null); check.reset(); }} aria-label="申请编号" />
                <Button
                  type="primary"
                  disabled={!applicationId.trim()}
                  onClick={() => {
                    const id = applicationId.trim();
                    setMine({ hex: lotteryHex(round.seed!, id), decimal: lotteryNumber(round.seed!, id).toString() });
                    check.mutate();
                  }}
                >
                  重新计算
                </Button>
              </>
            ) : null}
            {mine ? (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: "hex", label: "本机计算的号码(十六进制)", children: <Typography.Text code data-testid="computed-lottery">{mine.hex}</Typography.Text> },
                  { key: "dec", label: "十进制", children: mine.decimal },
                  ...(check.data
                    ? [
                        { key: "srv", label: "系统记录的号码", children: <Typography.Text code>{check.data.lotteryNumber}</Typography.Text> },
                        { key: "g", label: "优先分组 / 摇号顺序", children: `第${check.data.groupRank}组 / ${check.data.position ? `第${check.data.position}位` : "不参加摇号"}` },
                        { key: "v", label: "核验", children: <span data-testid="lottery-verdict">{check.data.lotteryNumber === mine.hex ? "一致" : "不一致"}</span> },
                      ]
                    : []),
                ]}
              />
            ) : null}
            {check.isError ? <Alert type="warning" showIcon title={errorMessage(check.error)} /> : null}
          </Flex>
        </Card>
      )}
    </PublicLayout>
  );
}
