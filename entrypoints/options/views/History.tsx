import { useEffect, useState } from 'preact/hooks';
import { HistoryList } from '@/components/HistoryList';
import { listCheckIns } from '@/utils/db/checkins';
import { getDb } from '@/utils/db/open';
import type { CheckIn } from '@/utils/db/schema';
import { siteById } from '@/utils/sites/registry';

export function HistoryView() {
  const [checkIns, setCheckIns] = useState<CheckIn[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getDb()
      .then((db) => listCheckIns(db))
      .then(setCheckIns, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  if (error) return <p role="alert" class="error">{error}</p>;
  if (!checkIns) return <p aria-busy="true">Loading…</p>;
  return <HistoryList checkIns={checkIns} platformName={(id) => siteById(id)?.name ?? id} />;
}
