import { useId } from 'preact/hooks';
import type { Insight, InsightKind } from '@/utils/checkin/insights';
import { t } from '@/utils/i18n';

export interface TrendInsightsProps {
  insights: Insight[];
  heading?: string;
  /** 3 under a view's heading; 2 as a section of the printable summary. */
  headingLevel?: 2 | 3;
}

/** A glyph beside each sentence; decoration only, the sentence itself says the direction. */
const MARK: Record<InsightKind, string> = {
  rise: '↗',
  higher: '↗',
  fall: '↘',
  lower: '↘',
  steady: '→',
  'too-few': '·',
  none: '·',
};

/** The plain-language summary of what changed recently. */
export function TrendInsights({ insights, heading = t('trends.insightsHeading'), headingLevel = 3 }: TrendInsightsProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="trend-insights" aria-labelledby={headingId}>
      <Heading id={headingId}>{heading}</Heading>
      <ul>
        {insights.map((insight) => (
          <li key={insight.text} class={`insight insight-${insight.kind}`}>
            <span class="insight-mark" aria-hidden="true">
              {MARK[insight.kind]}
            </span>
            {insight.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
