// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_NAMES } from '@cunmen/manifest';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { ICON_SPRITE_ID, Icon, mountIconSprite } from './Icon.js';

// happy-dom replaces URL, so the path is built from the directory.
const sprite = readFileSync(join(import.meta.dirname, '../../icons/sprite.svg'), 'utf8');

describe('the icon sprite', () => {
  it('draws exactly the names @cunmen/manifest accepts, each on the 24 × 24 grid, in currentColor only', () => {
    const ids = [...sprite.matchAll(/<symbol id="cm-icon-([a-z0-9-]+)" viewBox="0 0 24 24">/g)].map(
      (m) => m[1],
    );
    expect(ids).toEqual(ICON_NAMES);
    expect(sprite.match(/<symbol /g)).toHaveLength(ICON_NAMES.length);
    // Colour comes from the text around it (styles.css strokes with currentColor): no baked-in colours.
    expect(sprite).not.toMatch(/\b(fill|stroke)="(?!none|currentColor)/);
    expect(sprite).not.toMatch(/<(script|image|foreignObject|style)\b|\bon[a-z]+=|href=/i);
  });

  it('is small: one cached request for the whole set', () => {
    expect(Buffer.byteLength(sprite)).toBeLessThan(8 * 1024);
  });
});

describe('Icon', () => {
  it('is decorative by default: hidden from assistive technology, not focusable', () => {
    const { container } = renderInTheme(<Icon name="tractor" />);
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    expect(svg?.getAttribute('focusable')).toBe('false');
    expect(svg?.getAttribute('class')).toBe('cm-icon');
    expect(svg?.querySelector('use')?.getAttribute('href')).toBe('#cm-icon-tractor');
  });

  it('with a label it is an image with that accessible name', () => {
    renderInTheme(<Icon name="warning" label="注意" className="x" />);
    const img = screen.getByRole('img', { name: '注意' });
    expect(img.getAttribute('aria-hidden')).toBeNull();
    expect(img.getAttribute('class')).toBe('cm-icon x');
  });
});

describe('mountIconSprite', () => {
  it('puts the sprite into the page once, hidden, before everything else', () => {
    document.body.innerHTML = '<div id="root"></div>';
    mountIconSprite(sprite);
    mountIconSprite(sprite);
    const holders = document.querySelectorAll(`#${ICON_SPRITE_ID}`);
    expect(holders).toHaveLength(1);
    expect(document.body.firstElementChild?.id).toBe(ICON_SPRITE_ID);
    expect((holders[0] as HTMLElement).hidden).toBe(true);
    expect(document.getElementById('cm-icon-home')?.tagName.toLowerCase()).toBe('symbol');
  });

  it('ignores anything that is not an SVG document (an error page, an empty answer)', () => {
    document.body.innerHTML = '';
    mountIconSprite('<!doctype html><p>502 Bad Gateway</p>');
    mountIconSprite('');
    expect(document.getElementById(ICON_SPRITE_ID)).toBeNull();
  });
});
