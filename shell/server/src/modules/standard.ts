/**
 * The standard modules this shell mounts. Their front ends come from the registry at run time like any
 * widget; their back ends ship with the shell, curated by the province, and are mounted only through
 * the `ShellModule` interface (modules/mount.ts).
 */
import { affairsDisclosureModule } from '@cunmen/affairs-disclosure/server';
import { complaintsModule } from '@cunmen/complaints/server';
import type { ShellModule } from '@cunmen/module-api';
import { partyBuildingModule } from '@cunmen/party-building/server';
import { pointsModule } from '@cunmen/points/server';

export const STANDARD_MODULES: readonly ShellModule[] = [
  affairsDisclosureModule,
  complaintsModule,
  pointsModule,
  partyBuildingModule,
];
