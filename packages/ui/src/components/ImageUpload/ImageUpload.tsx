/**
 * Photos for a request or complaint: a large “添加图片” button opens the phone's picker (images only),
 * each photo is checked for type and size, previews have their own remove buttons, and `onChange`
 * receives the accepted files. Rejected files leave the list unchanged and show a zh-CN message such as
 * “只能上传图片（JPG、PNG、WebP）” or “图片不能超过 5 MB” in a polite live region.
 */
import { type ChangeEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { cx } from '../../internal/cx.js';
import { hasContent, joinIds, RequiredMark, useFieldIds } from '../../internal/Field.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

/** The image types accepted (what every phone camera and WeChat produce). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const EXTENSIONS = /\.(jpe?g|png|webp)$/i;
const MB = 1024 * 1024;

/** “5 MB”, “1.5 MB”, “500 KB”. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) {
    const mb = bytes / MB;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function isImage(file: File): boolean {
  // Some Android pickers give no MIME type; fall back to the extension then.
  if (file.type) return (IMAGE_TYPES as readonly string[]).includes(file.type);
  return EXTENSIONS.test(file.name);
}

export interface ImageUploadProps {
  label: ReactNode;
  /** Help text; defaults to “最多 9 张，每张不超过 5 MB”. */
  hint?: ReactNode;
  /** A validation message from the form (e.g. “请至少上传 1 张照片”). */
  error?: ReactNode;
  /** Controlled list of files. */
  value?: File[];
  defaultValue?: File[];
  /** Called with the new list after photos are added or removed. */
  onChange?: (files: File[]) => void;
  /** At most this many photos; 9 by default. */
  maxCount?: number;
  /** At most this many bytes per photo; 5 MB by default. */
  maxBytes?: number;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  className?: string;
}

/**
 * @example
 * <ImageUpload label="现场照片" maxCount={3} maxBytes={5 * 1024 * 1024} onChange={setPhotos} />
 */
export function ImageUpload({
  label,
  hint,
  error,
  value,
  defaultValue,
  onChange,
  maxCount = 9,
  maxBytes = 5 * MB,
  required,
  disabled,
  id,
  className,
}: ImageUploadProps) {
  const { t } = useTheme();
  const ids = useFieldIds(id);
  const input = useRef<HTMLInputElement>(null);
  const [own, setOwn] = useState<File[]>(defaultValue ?? []);
  const files = value ?? own;
  const [rejection, setRejection] = useState<string | null>(null);
  const [previews, setPreviews] = useState<string[]>([]);
  // Stable React keys per File object (the same photo may be picked twice, names repeat).
  const keys = useRef(new WeakMap<File, number>());
  const nextKey = useRef(0);
  const keyOf = (file: File): number => {
    let key = keys.current.get(file);
    if (key === undefined) {
      nextKey.current += 1;
      key = nextKey.current;
      keys.current.set(file, key);
    }
    return key;
  };

  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const urls = files.map((file) => URL.createObjectURL(file));
    setPreviews(urls);
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [files]);

  const update = (next: File[]) => {
    if (value === undefined) setOwn(next);
    onChange?.(next);
  };

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    // Let the same file be picked again after it was rejected or removed.
    event.target.value = '';
    if (picked.length === 0) return;
    const accepted: File[] = [];
    let message: string | null = null;
    for (const file of picked) {
      if (!isImage(file)) message ??= t('imageType');
      else if (file.size > maxBytes) message ??= t('imageSize', { size: formatBytes(maxBytes) });
      else if (files.length + accepted.length >= maxCount) message ??= t('imageCount', { max: maxCount });
      else accepted.push(file);
    }
    setRejection(message);
    if (accepted.length > 0) update([...files, ...accepted]);
  };

  const remove = (index: number) => {
    setRejection(null);
    update(files.filter((_, i) => i !== index));
  };

  const shownError = hasContent(error) ? error : rejection;
  const invalid = hasContent(shownError);
  const full = files.length >= maxCount;

  return (
    <fieldset className={cx('cm-field', 'cm-upload', invalid && 'cm-field--invalid', className)}>
      <legend className="cm-field__label">
        {label}
        <RequiredMark required={required} />
      </legend>
      <p className="cm-field__hint" id={ids.hintId}>
        {hint ?? t('imageHint', { max: maxCount, size: formatBytes(maxBytes) })}
      </p>
      {files.length > 0 ? (
        <ul className="cm-upload__list">
          {files.map((file, index) => (
            <li className="cm-upload__item" key={keyOf(file)}>
              <span className="cm-upload__thumb">
                {previews[index] ? (
                  <img
                    className="cm-upload__image"
                    src={previews[index]}
                    alt={t('imageAlt', { index: index + 1 })}
                  />
                ) : null}
              </span>
              <button
                type="button"
                className="cm-upload__remove"
                aria-label={t('imageRemoveLabel', { index: index + 1 })}
                disabled={disabled}
                onClick={() => remove(index)}
              >
                {t('imageRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={ids.inputId}
        className="cm-upload__input"
        type="file"
        accept={IMAGE_TYPES.join(',')}
        multiple={maxCount - files.length > 1}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        disabled={disabled || full}
        onChange={add}
      />
      <button
        type="button"
        className="cm-upload__add"
        disabled={disabled || full}
        aria-describedby={joinIds(ids.hintId, invalid && ids.errorId)}
        onClick={() => input.current?.click()}
      >
        <span className="cm-upload__plus" aria-hidden="true">
          +
        </span>
        {t('imageAdd')}
        <span className="cm-upload__count">
          {' '}
          ({files.length}/{maxCount})
        </span>
      </button>
      <div className="cm-upload__status" aria-live="polite">
        {invalid ? (
          <p className="cm-field__error" id={ids.errorId}>
            <span className="cm-field__error-icon" aria-hidden="true">
              !
            </span>
            {shownError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
