import { useEffect, useState } from 'preact/hooks';
import { RoomSettings, type RoomPlatform } from '@/components/RoomSettings';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAction } from '@/components/use-action';
import { getDb } from '@/utils/db/open';
import { listRooms, removeRoom, renameRoom, setRoom } from '@/utils/db/rooms';
import { t } from '@/utils/i18n';
import { SITES } from '@/utils/sites/registry';
import { parseMeetingLink, roomLabelParts } from '@/utils/sites/room-label';
import { appSessionMinutes, roomModes, setRoomMode } from '@/utils/storage';

async function loadRooms(): Promise<{ platforms: RoomPlatform[]; appMinutes: number }> {
  const [rooms, modes, appMinutes] = await Promise.all([getDb().then(listRooms), roomModes.getValue(), appSessionMinutes.getValue()]);
  const platforms = SITES.filter((site) => site.kind === 'meeting').map((site) => ({
    id: site.id,
    name: site.name,
    mode: modes[site.id] ?? 'every-room',
    rooms: rooms
      .filter((room) => room.platform === site.id)
      .sort((a, b) => a.createdMs - b.createdMs)
      .map((room) => ({
        id: room.id,
        kind: room.kind,
        name: room.name,
        nameLocked: room.sealed !== undefined,
        meeting: roomLabelParts(room.id).meeting,
      })),
  }));
  return { platforms, appMinutes };
}

/** Settings' meeting rooms: each platform's mode, and the rooms the person taught. */
export function RoomsSection() {
  const [loaded, setLoaded] = useState<{ platforms: RoomPlatform[]; appMinutes: number } | null>(null);
  const { error, setError, run } = useAction((err) => t('settings.notSaved', { error: String(err) }));
  const reload = () => loadRooms().then(setLoaded, (err: unknown) => setError(String(err)));
  useEffect(() => {
    void reload();
    return roomModes.watch(() => void reload());
  }, []);
  const change = (work: () => Promise<unknown>) => void run(async () => {
    await work();
    await reload();
  });
  if (!loaded) return null;
  return (
    <>
      <RoomSettings
        {...loaded}
        onAppMinutes={(minutes) => void run(() => appSessionMinutes.setValue(minutes))}
        onMode={(platform, mode) => change(() => setRoomMode(platform, mode))}
        onRename={(id, name) => change(async () => renameRoom(await getDb(), id, name))}
        onRemove={(id) => change(async () => removeRoom(await getDb(), id))}
        onAdd={async (link, kind) => {
          const parsed = parseMeetingLink(link);
          if ('error' in parsed) return parsed.error;
          change(async () => setRoom(await getDb(), { id: parsed.roomKey, platform: parsed.platform, kind }));
          return null;
        }}
      />
      <ErrorAlert message={error} />
    </>
  );
}
