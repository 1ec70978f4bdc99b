import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Flex, Result, Skeleton, Typography } from "antd";
import dayjs from "dayjs";
import { useParams } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { checkMemberCard, memberQueryKeys } from "../api";

/**
 * 会员证核验 (公众服务): what a canteen, a station or anyone scanning a member's QR sees — the masked
 * name and member number and today's status, nothing else. Without a token: how to check a card.
 */
export function MemberCardCheckPage() {
  const { token = "" } = useParams();
  const check = useQuery({ queryKey: memberQueryKeys.check(token), queryFn: ({ signal }) => checkMemberCard(token, signal), enabled: token !== "", retry: false });
  return (
    <PublicLayout title="会员证核验">
      <Flex justify="center" style={{ padding: 16 }}>
        <Card title="电子会员证核验" style={{ width: "100%", maxWidth: 480 }}>
          {token === "" ? (
            <Typography.Paragraph>请用手机扫描会员出示的电子会员证二维码，即可在此核验会员身份与会籍状态。页面只显示脱敏信息。</Typography.Paragraph>
          ) : check.isPending ? (
            <Skeleton active />
          ) : check.isError ? (
            <Result status="warning" title="未找到该会员证" subTitle={errorMessage(check.error)} />
          ) : (
            <>
              <Result
                icon={check.data.valid ? <CheckCircleFilled style={{ color: "#52c41a" }} /> : <CloseCircleFilled style={{ color: "#bfbfbf" }} />}
                title={check.data.valid ? "有效会员" : "非有效会员"}
                subTitle={`会籍状态：${check.data.statusLabel}`}
              />
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "name", label: "姓名", children: check.data.nameMasked },
                  { key: "no", label: "会员号", children: <span style={{ fontFamily: "monospace" }}>{check.data.memberNoMasked}</span> },
                  { key: "status", label: "会籍状态", children: check.data.statusLabel },
                  { key: "at", label: "核验时间", children: dayjs(check.data.checkedAt).format("YYYY-MM-DD HH:mm") },
                ]}
              />
            </>
          )}
        </Card>
      </Flex>
    </PublicLayout>
  );
}
