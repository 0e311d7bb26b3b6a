import { t } from '@/utils/i18n';

export interface WaitingReflection {
  checkInId: string;
  label: string;
}

/** Follow-up reflections the person was invited to and has not answered yet. */
export function ReflectionsWaiting({ reflections, onReflect }: { reflections: WaitingReflection[]; onReflect(id: string): void }) {
  if (reflections.length === 0) return null;
  return (
    <section aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">{t('popup.reflectHeading')}</h2>
      <ul class="pending-list">
        {reflections.map((r) => (
          <li key={r.checkInId}>
            <span>{r.label}</span>
            <button type="button" aria-label={t('popup.reflectOn', { label: r.label })} onClick={() => onReflect(r.checkInId)}>
              {t('popup.reflect')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
