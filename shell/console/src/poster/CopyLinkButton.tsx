/**
 * The "复制链接" button: copies the link and says so in words beside it (a status region, so a screen
 * reader hears it too); when the browser will not copy, it says how to copy by hand.
 */
import { Button } from 'antd';
import { useState } from 'react';
import { type CopyEnvironment, copyText } from './copy.js';
import type { PosterTranslate } from './messages.js';

export function CopyLinkButton({
  text,
  t,
  env,
}: {
  text: string;
  t: PosterTranslate;
  /** For tests: the clipboard and document to copy with. */
  env?: CopyEnvironment;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await copyText(text, env)) ? 'copied' : 'failed');
  return (
    <div className="poster-copy">
      <Button type="primary" size="large" onClick={() => void copy()}>
        {t('copy')}
      </Button>
      <p role="status" className={`poster-copy__status poster-copy__status--${state}`} data-state={state}>
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
