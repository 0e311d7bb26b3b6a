import type { RenderableProps } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { SummaryChoices } from '@/components/SummaryChoices';
import type { SummaryChoice } from '@/utils/checkin/summary';
import { NO_FILTER, providersOf } from '@/utils/checkin/trends';
import { listAllCheckIns } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn } from '@/utils/db/schema';

export interface SummaryViewProps {
  openDb?: () => Promise<DebriefDb>;
}

/** Choices for the printable summary, which opens as its own page (entrypoints/summary/). */
export function SummaryView({ openDb = getDb }: RenderableProps<SummaryViewProps>) {
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [choice, setChoice] = useState<SummaryChoice>({ ...NO_FILTER, notes: [] });
  useEffect(() => {
    // Only the provider menu needs the check-ins; the choices work without them.
    openDb()
      .then(listAllCheckIns)
      .then(setCheckIns, () => setCheckIns([]));
  }, [openDb]);
  const providers = useMemo(() => providersOf(checkIns), [checkIns]);
  return (
    <div class="summary-view">
      <p class="hint">
        A page to print or save as PDF, for yourself or to show your therapist: averages per sign, the trend charts and the
        notes you choose. It opens in a new tab; nothing is sent anywhere.
      </p>
      <SummaryChoices
        value={choice}
        onChange={setChoice}
        providers={providers}
        action="summary.html"
        target="_blank"
        submitLabel="Open printable summary"
      />
    </div>
  );
}
