/**
 * Up to 6 photos: "拍照" opens the camera (`capture`), "从相册选" the gallery; each photo is checked for
 * type and size before anything is sent, with a thumbnail and its own remove button (≥ 60 px targets in
 * elderly mode through the UI kit's buttons). The server sniffs the bytes again.
 */
import { useT } from '@cunmen/sdk';
import { Button, Icon } from '@cunmen/ui';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_PHOTO_MAX_BYTES, MAX_PHOTOS, PHOTO_TYPES } from '../common/model.js';
import { messages } from '../i18n.js';

const EXT = /\.(jpe?g|png|webp)$/i;

export function acceptablePhoto(file: File, maxBytes = DEFAULT_PHOTO_MAX_BYTES): 'type' | 'size' | null {
  const typeOk = file.type ? (PHOTO_TYPES as readonly string[]).includes(file.type) : EXT.test(file.name);
  if (!typeOk) return 'type';
  if (file.size > maxBytes) return 'size';
  return null;
}

export function PhotoPicker({
  files,
  onChange,
  error,
  disabled,
}: {
  files: File[];
  onChange(files: File[]): void;
  error?: string | null;
  disabled?: boolean;
}) {
  const t = useT(messages);
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [urls, setUrls] = useState<string[]>([]);
  // Stable React keys per File (names repeat; the same photo may be picked twice).
  const keys = useRef(new WeakMap<File, number>());
  const next = useRef(0);
  const keyOf = (file: File) => {
    let key = keys.current.get(file);
    if (key === undefined) {
      next.current += 1;
      key = next.current;
      keys.current.set(file, key);
    }
    return key;
  };

  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const made = files.map((f) => URL.createObjectURL(f));
    setUrls(made);
    return () => {
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [files]);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const accepted: File[] = [];
    let message: string | null = null;
    for (const file of picked) {
      const why = acceptablePhoto(file);
      if (why === 'type') message ??= t('photoType');
      else if (why === 'size') message ??= t('photoSize', { size: '5 MB' });
      else if (files.length + accepted.length >= MAX_PHOTOS) message ??= t('photoMax', { max: MAX_PHOTOS });
      else accepted.push(file);
    }
    setProblem(message);
    if (accepted.length) onChange([...files, ...accepted]);
  };

  const full = files.length >= MAX_PHOTOS;
  const shown = error ?? problem;
  return (
    <fieldset
      className="cm-field"
      aria-describedby={`${id}-count`}
      style={{ border: 0, padding: 0, margin: 0 }}
    >
      <legend className="cm-field__label">{t('photosLabel', { max: MAX_PHOTOS })}</legend>
      {files.length > 0 ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {files.map((file, i) => (
            <li key={keyOf(file)} style={{ display: 'flex', flexDirection: 'column', gap: 4, width: 120 }}>
              {urls[i] ? (
                <img
                  src={urls[i]}
                  alt={t('photoAlt', { n: i + 1 })}
                  style={{ width: 120, height: 120, objectFit: 'cover', borderRadius: 8 }}
                />
              ) : null}
              <Button
                variant="secondary"
                disabled={disabled}
                aria-label={t('removePhoto', { n: i + 1 })}
                onClick={() => {
                  setProblem(null);
                  onChange(files.filter((_, j) => j !== i));
                }}
              >
                <Icon name="close" />
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <p id={`${id}-count`} className="cm-field__hint">
        {t('photoCount', { n: files.length, max: MAX_PHOTOS })}
      </p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button variant="secondary" disabled={disabled || full} onClick={() => camera.current?.click()}>
          <Icon name="camera" />
          {t('takePhoto')}
        </Button>
        <Button variant="secondary" disabled={disabled || full} onClick={() => album.current?.click()}>
          <Icon name="image" />
          {t('choosePhoto')}
        </Button>
      </div>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="photo-camera"
        onChange={add}
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="photo-album"
        onChange={add}
      />
      <div aria-live="polite">{shown ? <p className="cm-field__error">{shown}</p> : null}</div>
    </fieldset>
  );
}
