/**
 * The bottom navigation: home, then the `village.nav/v1` entries, each an icon from the UI kit over its
 * label. It wraps instead of scrolling sideways, so every entry stays visible and at least one touch
 * target wide at any font scale. It sticks to the bottom of the screen while it is small; when large
 * text makes it tall (more than a quarter of the screen, e.g. 长辈版 at 200 %) it stays at the end of
 * the page instead, so it never hides most of what the resident is reading.
 */
import { Icon, type IconName } from '@cunmen/ui';
import { useEffect, useRef, useState } from 'react';
import { useShellT } from '../i18n/index.js';
import { hrefFor, linkHandler } from './router.js';
import type { NavEntry } from './slots.js';

/** Above this share of the viewport's height the nav stops sticking. */
const MAX_STICKY_SHARE = 0.25;

function useSticky() {
  const ref = useRef<HTMLElement>(null);
  const [sticky, setSticky] = useState(true);
  useEffect(() => {
    const nav = ref.current;
    if (!nav) return;
    const check = () => setSticky(nav.offsetHeight <= window.innerHeight * MAX_STICKY_SHARE);
    check();
    // The nav's own height changes with the font scale; iOS < 13.4 has no ResizeObserver (resize only).
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : null;
    observer?.observe(nav);
    window.addEventListener('resize', check);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', check);
    };
  }, []);
  return { ref, sticky };
}

function NavLink(props: { href: string; label: string; icon?: string; current: boolean }) {
  const { href, label, icon, current } = props;
  return (
    <li className="shell-nav__item">
      <a
        className="shell-nav__link"
        href={href}
        aria-current={current ? 'page' : undefined}
        onClick={linkHandler(href)}
      >
        {/* Names come from the signed snapshot, checked against the icon set when the widget was published. */}
        {icon ? <Icon name={icon as IconName} className="shell-nav__icon" /> : null}
        <span className="shell-nav__label" title={label}>
          {label}
        </span>
      </a>
    </li>
  );
}

export function BottomNav(props: { base: string; entries: NavEntry[]; current: string | null }) {
  const { base, entries, current } = props;
  const t = useShellT();
  const { ref, sticky } = useSticky();
  return (
    <nav
      ref={ref}
      className={sticky ? 'shell-nav shell-nav--sticky' : 'shell-nav'}
      aria-label={t('portal.nav')}
    >
      <ul className="shell-nav__list">
        <NavLink href={hrefFor(base, '/')} label={t('portal.home')} icon="home" current={current === null} />
        {entries.map((entry) => (
          <NavLink
            key={entry.key}
            href={hrefFor(base, `/${entry.route}`)}
            label={entry.label}
            icon={entry.icon}
            current={current === entry.route}
          />
        ))}
      </ul>
    </nav>
  );
}
