/** Migrations listed in code (not read from a directory), so they work from `src` and `dist` alike. */
import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as hostApi from './0002-host-api.js';
import * as audit from './0003-audit.js';
import * as instances from './0004-instances.js';
import * as widgetTickets from './0005-widget-tickets.js';
import * as notifications from './0006-notifications.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-host-api': hostApi,
  '0003-audit': audit,
  '0004-instances': instances,
  '0005-widget-tickets': widgetTickets,
  '0006-notifications': notifications,
};
