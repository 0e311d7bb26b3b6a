/** Every https URL the bench browser opens is answered with the fixture call page (tests/e2e/fixtures/call.html), never the network. */
import type { BrowserContext } from 'playwright-core';
import { CALL_PAGE } from '../e2e/call-fixture';

/** Answers every https request of `context` locally. */
export async function serveHttps(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol === 'https:',
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: CALL_PAGE }),
  );
}
