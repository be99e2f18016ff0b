/**
 * Global set-up of both vitest projects: a folder for this run's platform templates
 * (platform-template.ts), made empty and removed when the run ends. Nothing is built here: a run that
 * starts no platform pays nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'cunmen-platform-templates-'));
  project.provide('platformTemplates', root);
  return () => rm(root, { recursive: true, force: true });
}
