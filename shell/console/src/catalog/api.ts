/** The catalog's server state (TanStack Query over the console API). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/client.js';
import { type CatalogSearch, catalogApiPath } from './search.js';
import type { CatalogDetail, CatalogPage } from './types.js';

export function useCatalogPage(search: CatalogSearch) {
  const api = useApi();
  return useQuery({
    queryKey: ['catalog', search],
    queryFn: () => api<CatalogPage>(catalogApiPath(search)),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The whole catalog's first 100 entries, for the county filter's choices (the API has no facets). */
export function useCatalogFacets() {
  const api = useApi();
  return useQuery({
    queryKey: ['catalog', 'facets'],
    queryFn: () => api<CatalogPage>(catalogApiPath({}, 100)),
    staleTime: 5 * 60_000,
  });
}

export function useCatalogDetail(name: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['catalog', 'detail', name],
    queryFn: () => api<CatalogDetail>(`/api/console/v1/catalog/${name}`),
    staleTime: 60_000,
    retry: false,
  });
}
