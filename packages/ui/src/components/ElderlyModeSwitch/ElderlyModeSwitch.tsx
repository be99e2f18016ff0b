/**
 * The obvious, labelled 长辈版 switch (role="switch", aria-checked). Without `checked` it drives the
 * ThemeProvider (which remembers the choice when it has a `storageKey`).
 */
import { cx } from '../../internal/cx.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface ElderlyModeSwitchProps {
  /** Controlled state; defaults to the theme's elderly mode. */
  checked?: boolean;
  /** Called with the new state; without `checked`, the theme's `setElderly` runs as well. */
  onChange?: (checked: boolean) => void;
  /** Defaults to the built-in “长辈版”. */
  label?: string;
  className?: string;
}

/**
 * @example
 * <ElderlyModeSwitch />  // toggles the surrounding ThemeProvider
 */
export function ElderlyModeSwitch({ checked, onChange, label, className }: ElderlyModeSwitchProps) {
  const { elderly, setElderly, t } = useTheme();
  const on = checked ?? elderly;
  const toggle = () => {
    if (checked === undefined) setElderly(!on);
    onChange?.(!on);
  };
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={cx('cm-switch', on && 'cm-switch--on', className)}
      onClick={toggle}
    >
      <span className="cm-switch__label">{label ?? t('elderlyMode')}</span>
      <span className="cm-switch__track" aria-hidden="true">
        <span className="cm-switch__thumb" />
      </span>
      <span className="cm-switch__state" aria-hidden="true">
        {on ? t('switchOn') : t('switchOff')}
      </span>
    </button>
  );
}
