/**
 * One icon of the UI kit's set (`src/icons/sprite.svg`, names in `@cunmen/manifest`'s ICONS): an inline
 * `<svg>` that points at the sprite's `<symbol>`, so the drawings are downloaded once, as one cached
 * asset, instead of inside every script. The host puts the sprite into the page
 * ({@link mountIconSprite}); until it arrives the icon keeps its size and shows nothing.
 */
import type { IconName } from '@cunmen/manifest';
import { cx } from '../../internal/cx.js';

export type { IconName };

export interface IconProps {
  name: IconName;
  /**
   * The accessible name, when the icon stands alone (an icon-only button's label belongs on the
   * button). Without it the icon is decorative and hidden from assistive technology.
   */
  label?: string;
  className?: string;
}

export const ICON_SPRITE_ID = 'cm-icon-sprite';

/**
 * @example
 * <Button><Icon name="camera" /> 拍照</Button>
 * <Icon name="warning" label="注意" />
 */
export function Icon({ name, label, className }: IconProps) {
  const classes = cx('cm-icon', className);
  const use = <use href={`#cm-icon-${name}`} />;
  return label ? (
    <svg
      className={classes}
      viewBox="0 0 24 24"
      focusable="false"
      data-icon={name}
      role="img"
      aria-label={label}
    >
      {use}
    </svg>
  ) : (
    <svg className={classes} viewBox="0 0 24 24" focusable="false" data-icon={name} aria-hidden="true">
      {use}
    </svg>
  );
}

/**
 * Puts the sprite's markup (the text of `sprite.svg`) into the document once, as the first child of
 * `<body>`; a second call does nothing.
 */
export function mountIconSprite(markup: string, doc: Document = document): void {
  if (doc.getElementById(ICON_SPRITE_ID) || !/^\s*<svg[\s>]/.test(markup)) return;
  const holder = doc.createElement('div');
  holder.id = ICON_SPRITE_ID;
  holder.hidden = true;
  holder.innerHTML = markup;
  doc.body.insertBefore(holder, doc.body.firstChild);
}
