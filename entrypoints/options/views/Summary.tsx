import type { RenderableProps } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { SummaryChoices } from '@/components/SummaryChoices';
import { summaryChoiceFromQuery, type SummaryChoice } from '@/utils/checkin/summary';
import { providersOf } from '@/utils/checkin/trends';
import { listAllCheckIns } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn } from '@/utils/db/schema';
import { t } from '@/utils/i18n';

export interface SummaryViewProps {
  openDb?: () => Promise<DebriefDb>;
}

/** Choices for the printable summary, which opens as its own page (entrypoints/summary/). */
export function SummaryView({ openDb = getDb }: RenderableProps<SummaryViewProps>) {
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [choice, setChoice] = useState<SummaryChoice>(() => summaryChoiceFromQuery(''));
  useEffect(() => {
    // Only the provider menu needs the check-ins; the choices work without them.
    openDb()
      .then(listAllCheckIns)
      .then(setCheckIns, () => setCheckIns([]));
  }, [openDb]);
  const providers = useMemo(() => providersOf(checkIns), [checkIns]);
  return (
    <div class="summary-view">
      <p class="hint">{t('summary.intro')}</p>
      <SummaryChoices
        value={choice}
        onChange={setChoice}
        providers={providers}
        action="summary.html"
        target="_blank"
        submitLabel={t('summary.open')}
      />
    </div>
  );
}
