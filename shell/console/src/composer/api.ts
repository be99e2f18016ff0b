/**
 * The composer's server state (TanStack Query): the view a cadre edits, every edit of the draft (each
 * answers the new view, which replaces the cached one), publication, the history and rollback.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Api, ApiError, useApi } from '../api/client.js';
import { useSession } from '../api/session.js';
import type {
  ComposerView,
  DraftConfig,
  PublishedVersion,
  SaveResult,
  StaleChanges,
  VersionList,
} from './types.js';

const viewKey = (village: string) => ['composer', village] as const;
const portalPath = (village: string) => `/api/console/v1/portals/${encodeURIComponent(village)}`;

export function useComposerView(village: string) {
  const api = useApi();
  return useQuery({
    queryKey: viewKey(village),
    queryFn: () => api<ComposerView>(`${portalPath(village)}/composer`),
    retry: false,
    staleTime: 10_000,
  });
}

type DraftEdit =
  | { kind: 'save'; baseVersion: number; config: DraftConfig }
  | { kind: 'add'; name: string }
  | { kind: 'discard' };

function sendEdit(api: Api, village: string, csrf: string, edit: DraftEdit) {
  const path = portalPath(village);
  if (edit.kind === 'add')
    return api<ComposerView>(`${path}/draft/widgets`, { method: 'POST', body: { name: edit.name }, csrf });
  if (edit.kind === 'discard') return api<ComposerView>(`${path}/draft`, { method: 'DELETE', csrf });
  return api<ComposerView>(`${path}/draft`, {
    method: 'PUT',
    body: { baseVersion: edit.baseVersion, config: edit.config },
    csrf,
  });
}

/** Every change of the draft: the server checks it as a publication would and answers the new view. */
export function useDraftEdit(village: string) {
  const api = useApi();
  const client = useQueryClient();
  const csrf = useSession().data?.csrfToken ?? '';
  return useMutation({
    mutationFn: (edit: DraftEdit) => sendEdit(api, village, csrf, edit),
    onSuccess: (view) => client.setQueryData(viewKey(village), view),
  });
}

export function usePublish(village: string) {
  const api = useApi();
  const client = useQueryClient();
  const csrf = useSession().data?.csrfToken ?? '';
  return useMutation({
    mutationFn: () =>
      api<SaveResult>(`${portalPath(village)}/draft/publish`, { method: 'POST', body: {}, csrf }),
    onSettled: () => client.invalidateQueries({ queryKey: ['composer', village] }),
  });
}

export function useVersions(village: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['composer', village, 'versions'],
    queryFn: () => api<VersionList>(`/api/portals/${encodeURIComponent(village)}/versions`),
    retry: false,
  });
}

export function usePublishedVersion(village: string, version: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['composer', village, 'version', version],
    queryFn: () => api<PublishedVersion>(`${portalPath(village)}/versions/${version}`),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRollback(village: string) {
  const api = useApi();
  const client = useQueryClient();
  const csrf = useSession().data?.csrfToken ?? '';
  return useMutation({
    mutationFn: (version: number) =>
      api<SaveResult>(`/api/portals/${encodeURIComponent(village)}/rollback`, {
        method: 'POST',
        body: { version },
        csrf,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['composer', village] }),
  });
}

/** Uploads a banner photo; the server answers the re-encoded file's name for `theme.banner`. */
export function useBannerUpload(village: string) {
  const api = useApi();
  const csrf = useSession().data?.csrfToken ?? '';
  return useMutation({
    mutationFn: (file: File) =>
      api<{ banner: string; url: string; bytes: number }>(`${portalPath(village)}/banner`, {
        method: 'POST',
        file,
        csrf,
      }),
  });
}

/** A refusal's problems, each with its field (`widgets[2].config.heading`). */
export function problemsOf(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.body.problems;
  if (Array.isArray(list)) return list as { field: string; message: string }[];
  return error.field ? [{ field: error.field, message: error.zh }] : [];
}

/** The changes a 409 carries, or null for any other failure. */
export function staleChangesOf(error: unknown): StaleChanges | null {
  if (!(error instanceof ApiError) || error.code !== 'SHELL_ERR_PORTAL_STALE') return null;
  return (error.body.changes as StaleChanges | undefined) ?? null;
}
