import type { StatFigures } from "@jiangxin/domain";
import { Card, Col, Flex, Row, Skeleton, Statistic } from "antd";
import type { ReactNode } from "react";
import { useIsMobile } from "../../../../app/useIsMobile";
import { formatYi, yuanToFen } from "../../../../app/yuan";
import { benefitCard, countCards } from "../indicatorCards";
import { IndicatorCard } from "./IndicatorCard";
import { PreviousYearLine, type PreviousYear } from "./PreviousYearLine";
import { YuanStatistic } from "./YuanStatistic";

/**
 * Last year's figures as far as they are known: a campaign has none, a request may still run or fail.
 * `through`: the last day of last year counted when it is only the same period (上年同期), else absent.
 */
export type PreviousFigures = { state: "loading" } | { state: "unavailable"; reason: string } | { state: "ready"; figures: StatFigures; through?: string | null };

const cardCols = { xs: 12, md: 8 } as const;

const money = (yuan: string) => `${formatYi(yuan)}亿元`;

/** Six cards placeholders while the figures load. */
export function IndicatorGridSkeleton() {
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 6 }, (_, i) => (
        <Col key={i} {...cardCols}>
          <Card styles={{ body: { padding: "14px 16px" } }}>
            <Skeleton active title={{ width: "60%" }} paragraph={{ rows: 2, width: ["80%", "50%"] }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The six figures of the report as cards, each with last year's beside it (statistics and indicators pages). */
export function IndicatorGrid({ figures, previous }: { figures: StatFigures; previous: PreviousFigures }) {
  const isMobile = useIsMobile();
  const statSize = isMobile ? 22 : 30;

  function previousOf(now: bigint, then: (p: StatFigures) => bigint, shown: (p: StatFigures) => ReactNode): PreviousYear {
    if (previous.state !== "ready") return previous;
    // No record at all last year: say so, rather than "上年 0" and no change to show.
    if (!previous.figures.hasRecords) return { state: "unavailable", reason: `${previous.through ? "上年同期" : "上年"} 无数据` };
    return { state: "ready", current: now, previous: then(previous.figures), shown: shown(previous.figures), samePeriod: Boolean(previous.through) };
  }

  const estimatedFen = yuanToFen(figures.benefitEstimatedYuan) ?? 0n;
  const verifiedFen = yuanToFen(figures.benefitVerifiedYuan) ?? 0n;
  return (
    <Row gutter={[12, 12]}>
      {countCards.map((card) => (
        <Col key={card.key} {...cardCols}>
          <IndicatorCard title={card.title} definition={card.definition}>
            <Statistic value={figures[card.key]} suffix={card.unit} styles={{ content: { fontSize: statSize, lineHeight: 1.3 }, suffix: { fontSize: 14 } }} />
            <PreviousYearLine
              previous={previousOf(
                BigInt(figures[card.key]),
                (p) => BigInt(p[card.key]),
                (p) => `${p[card.key].toLocaleString("zh-CN")} ${card.unit}`,
              )}
            />
          </IndicatorCard>
        </Col>
      ))}
      <Col {...cardCols}>
        <IndicatorCard title={benefitCard.title} definition={benefitCard.definition}>
          <Flex gap="4px 20px" wrap>
            <div>
              <YuanStatistic title="预估" yuan={figures.benefitEstimatedYuan} size={statSize} />
              <PreviousYearLine previous={previousOf(estimatedFen, (p) => yuanToFen(p.benefitEstimatedYuan) ?? 0n, (p) => money(p.benefitEstimatedYuan))} />
            </div>
            <div>
              <YuanStatistic title="已核实" yuan={figures.benefitVerifiedYuan} size={statSize} />
              <PreviousYearLine previous={previousOf(verifiedFen, (p) => yuanToFen(p.benefitVerifiedYuan) ?? 0n, (p) => money(p.benefitVerifiedYuan))} />
            </div>
          </Flex>
        </IndicatorCard>
      </Col>
    </Row>
  );
}
