/**
 * The evil-widget suite, host part (issue #14): a widget built, published, approved and placed like any
 * county's (./setup.ts) runs in Chromium in a resident's portal and tries to mint another widget's (and
 * a standard module's) credential, replay the page's credential exchange, call staff routes with the
 * resident's session, read the CSRF token, read another resident's `owner` document and photo, and — as
 * a visitor nobody signed in — anything of a `village` collection. Each attempt is refused, asserted by
 * its code, and nothing changed. Its county then tries to publish a next version carrying an HTML page
 * among its browser assets: refused by the registry, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from '../platform.js';
import { type HtmlAttempt, publishHtmlAsset } from './html-asset.js';
import { evilResults, placeEvilWidget, plantTargets, type Results } from './setup.js';

let p: Platform;
let resident: Results;
let visitor: Results;
let portalBefore: number;
let htmlAsset: HtmlAttempt;

const portalVersion = async () =>
  ((await (await fetch(`${p.shellUrl}/api/portals/${XIANTAN}/snapshot`)).json()) as { portalVersion: number })
    .portalVersion;

beforeAll(async () => {
  p = await startPlatform();
  const built = await placeEvilWidget(p);
  await plantTargets(p);
  portalBefore = await portalVersion();
  resident = await evilResults(p, ACCOUNTS.resident.name);
  visitor = await evilResults(p, null);
  htmlAsset = await publishHtmlAsset(p, built);
}, PLATFORM_START_MS + 300_000);

afterAll(async () => {
  await p?.stop();
});

describe('an evil widget in a resident portal', () => {
  it('ran as the signed-in resident and as a visitor', () => {
    expect(resident.signedIn, resident.diagnostics.join('\n')).toBe(true);
    expect(visitor.signedIn, visitor.diagnostics.join('\n')).toBe(false);
  });

  it.each([
    ['mintOtherWidget', 'SHELL_ERR_TICKET_REQUIRED'],
    ['mintStandardModule', 'SHELL_ERR_TICKET_REQUIRED'],
    ['replayPageExchange', 'SHELL_ERR_TICKET_REQUIRED'],
    ['fetchPageForTicket', 'SHELL_ERR_TICKET_REQUIRED'],
  ])('cannot obtain another credential: %s → %s, nothing issued', (attempt, code) => {
    for (const results of [resident, visitor]) {
      expect(results[attempt]).toMatchObject({ code, status: 403, issued: false });
    }
  });

  it('cannot use the resident session for staff routes, nor read a CSRF token; the portal is unchanged', async () => {
    expect(resident.staffPortalSave).toMatchObject({ code: 'SHELL_ERR_FORBIDDEN', status: 403 });
    expect(resident.staffHouseholds).toMatchObject({ code: 'SHELL_ERR_FORBIDDEN', status: 403 });
    expect(visitor.staffPortalSave).toMatchObject({ code: 'SHELL_ERR_UNAUTHORIZED', status: 401 });
    expect(resident.readCsrfToken).toEqual({ code: 'NONE', status: 200 });
    expect(await portalVersion()).toBe(portalBefore);
  });

  it("cannot read another resident's owner document or photo", () => {
    expect(resident.readOthersOwnerDoc).toEqual({
      code: 'SHELL_ERR_NOT_FOUND',
      listCode: 'OK',
      listed: false,
    });
    expect(resident.fetchOthersPhoto).toEqual({
      code: 'SHELL_ERR_NOT_FOUND',
      bareCode: 'SHELL_ERR_TOKEN_INVALID',
      photo: true,
    });
  });

  it('reads nothing of a village collection, or of anybody’s document or photo, as a visitor', () => {
    expect(resident.readVillageCollection).toEqual({ code: 'OK', count: 1 });
    expect(visitor.readVillageCollection).toEqual({ code: 'SHELL_ERR_SIGN_IN_REQUIRED', count: 0 });
    expect(visitor.readOthersOwnerDoc).toMatchObject({
      code: 'SHELL_ERR_SIGN_IN_REQUIRED',
      listCode: 'SHELL_ERR_SIGN_IN_REQUIRED',
      listed: false,
    });
    expect(visitor.fetchOthersPhoto).toEqual({
      code: 'SHELL_ERR_SIGN_IN_REQUIRED',
      bareCode: 'SHELL_ERR_TOKEN_INVALID',
      photo: true,
    });
  });

  it('cannot publish an HTML page among its browser assets: refused, no version stored', () => {
    expect(htmlAsset).toEqual({ status: 400, code: 'REG_ERR_ASSET_TYPE', versions: ['0.1.0'] });
  });
});
