/** What the browser's downloads API says it saved, read from the extension's service worker. */
import type { Worker } from 'playwright-core';

interface DownloadItem {
  id: number;
  state: string;
  filename: string;
  url: string;
  exists: boolean;
}

export function downloadsIn(worker: Worker): Promise<DownloadItem[]> {
  return worker.evaluate(async () =>
    ((await (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<DownloadItem[]> } } }).chrome.downloads.search({})) as DownloadItem[]).map(
      ({ id, state, filename, url, exists }) => ({ id, state, filename, url: url.slice(0, url.indexOf(',') + 1), exists }),
    ),
  );
}
