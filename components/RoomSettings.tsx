import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { RoomKind } from '@/utils/db/schema';
import type { RoomMode } from '@/utils/storage';
import { ErrorAlert } from './ErrorAlert';
import { wholeNumber } from './WholeNumberField';

export interface RoomRow {
  id: string;
  kind: RoomKind;
  /** The meeting as people know it ("812 3456 7890"). */
  meeting: string;
  name: string;
  /** Sealed by the lock and not unlocked: the name is neither shown nor typed over. */
  nameLocked: boolean;
}

export interface RoomPlatform {
  id: string;
  name: string;
  mode: RoomMode;
  rooms: RoomRow[];
}

export interface RoomSettingsProps {
  platforms: RoomPlatform[];
  appMinutes: number;
  onAppMinutes(minutes: number): void;
  onMode(platform: string, mode: RoomMode): void;
  onRename(roomId: string, name: string): void;
  onRemove(roomId: string): void;
  /** Resolves to an error message to show, or null once added. */
  onAdd(link: string, kind: RoomKind): Promise<string | null>;
}

function RoomItem({ platform, room, ...props }: { platform: string; room: RoomRow } & Pick<RoomSettingsProps, 'onRename' | 'onRemove'>) {
  const label = t('settings.rooms.meeting', { platform, meeting: room.meeting });
  return (
    <li>
      <span>{label}</span>
      {room.nameLocked ? (
        <span>{t('settings.rooms.nameLocked')}</span>
      ) : (
        <label class="field">
          <span>{t('settings.rooms.name')}</span>
          <input
            type="text"
            value={room.name}
            maxLength={200}
            aria-label={t('settings.rooms.nameOf', { room: label })}
            onChange={(e) => props.onRename(room.id, e.currentTarget.value)}
          />
        </label>
      )}
      <button type="button" aria-label={t('settings.rooms.removeRoom', { room: label })} onClick={() => props.onRemove(room.id)}>
        {t('settings.remove')}
      </button>
    </li>
  );
}

/** Where meeting platforms ask, and the therapy and muted rooms the person taught, per platform. */
export function RoomSettings(props: RoomSettingsProps) {
  const id = useId();
  const [link, setLink] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [appText, setAppText] = useState(String(props.appMinutes));
  const [appError, setAppError] = useState<string | null>(null);
  const add = (kind: RoomKind) => async () => {
    const error = await props.onAdd(link, kind);
    setMessage(error);
    if (!error) setLink('');
  };
  return (
    <section class="settings" aria-labelledby={`${id}-rooms`}>
      <h3 id={`${id}-rooms`}>{t('settings.rooms.heading')}</h3>
      <p class="hint">{t('settings.rooms.hint')}</p>
      {props.platforms.map((platform) => (
        <div class="room-platform" key={platform.id}>
          <label class="field">
            <span>{platform.name}</span>
            <select value={platform.mode} onChange={(e) => props.onMode(platform.id, e.currentTarget.value as RoomMode)}>
              <option value="every-room">{t('settings.rooms.everyRoom')}</option>
              <option value="therapy-rooms">{t('settings.rooms.therapyRooms')}</option>
            </select>
          </label>
          {(['therapy', 'muted'] as const).map((kind) => {
            const rooms = platform.rooms.filter((room) => room.kind === kind);
            const listName =
              kind === 'therapy' ? t('settings.rooms.therapyList', { platform: platform.name }) : t('settings.rooms.mutedList', { platform: platform.name });
            return (
              rooms.length > 0 && (
                <ul class="platform-list" aria-label={listName} key={kind}>
                  {rooms.map((room) => (
                    <RoomItem key={room.id} platform={platform.name} room={room} onRename={props.onRename} onRemove={props.onRemove} />
                  ))}
                </ul>
              )
            );
          })}
        </div>
      ))}
      <form class="add-site" onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span>{t('settings.rooms.link')}</span>
          <input type="text" autocomplete="off" value={link} onInput={(e) => setLink(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => void add('therapy')()}>
          {t('settings.rooms.addTherapy')}
        </button>
        <button type="button" onClick={() => void add('muted')()}>
          {t('settings.rooms.addMuted')}
        </button>
      </form>
      <ErrorAlert message={message} />
      <label class="field">
        <span>{t('settings.rooms.appMinutes')}</span>
        <input
          type="number"
          min={1}
          max={240}
          step={1}
          inputMode="numeric"
          value={appText}
          aria-invalid={appError ? true : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setAppText(text);
            const minutes = wholeNumber(text, 1, 240);
            setAppError(minutes === null ? t('settings.rooms.appMinutesError') : null);
            if (minutes !== null) props.onAppMinutes(minutes);
          }}
        />
      </label>
      <ErrorAlert message={appError} />
    </section>
  );
}
