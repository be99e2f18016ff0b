/**
 * Translations for one widget. Each resources object gets its own i18next instance (created once,
 * synchronously), so widgets never share or change the portal's i18n state; missing English falls back
 * to zh-CN.
 */
import { createInstance, type i18n } from 'i18next';
import { useMemo } from 'react';
import type { Locale } from '../core/types.js';
import { useHost } from './useHost.js';

/** Nested message tree; leaves use i18next syntax (`{{name}}`, `_one`/`_other` plurals with `count`). */
export type Messages = { [key: string]: string | Messages };

type DeepPartial<M> = { [K in keyof M]?: M[K] extends string ? string : DeepPartial<M[K]> };

/** zh-CN is required and complete; English may be partial. Define it once, at module level. */
export interface TranslationResources<M extends Messages = Messages> {
  'zh-CN': M;
  en?: DeepPartial<M>;
}

/** Dotted keys of a message tree: `{ a: { b: '…' } }` → `'a.b'`. */
export type MessageKey<M> = {
  [K in keyof M & string]: M[K] extends string ? K : `${K}.${MessageKey<M[K]>}`;
}[keyof M & string];

export type TranslateVars = Record<string, string | number>;

export type Translate<K extends string = string> = (key: K, vars?: TranslateVars) => string;

const instances = new WeakMap<object, i18n>();

function instanceFor(resources: TranslationResources): i18n {
  let instance = instances.get(resources);
  if (!instance) {
    instance = createInstance();
    void instance.init({
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      supportedLngs: ['zh-CN', 'en'],
      resources: {
        'zh-CN': { translation: resources['zh-CN'] },
        ...(resources.en ? { en: { translation: resources.en } } : {}),
      },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(resources, instance);
  }
  return instance;
}

/**
 * Creates an i18next instance outside React (e.g. for a nav label); `useT` uses the same cache.
 */
export function createTranslate<M extends Messages>(
  resources: TranslationResources<M>,
  locale: Locale,
): Translate<MessageKey<M>> {
  const fixed = instanceFor(resources as TranslationResources).getFixedT(locale);
  return (key, vars) => String(fixed(key, vars));
}

/**
 * `t(key, vars)` in the portal's current locale; switches when the locale does.
 *
 * @example
 * const messages = { 'zh-CN': { title: '预约上门回收', count: '已预约 {{n}} 次' }, en: { title: 'Book a pickup' } };
 * const t = useT(messages);
 * t('count', { n: 3 });
 */
export function useT<M extends Messages>(resources: TranslationResources<M>): Translate<MessageKey<M>> {
  const { locale } = useHost();
  return useMemo(() => createTranslate(resources, locale), [resources, locale]);
}
