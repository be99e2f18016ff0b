// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { formatBytes, ImageUpload } from './ImageUpload.js';

const MB = 1024 * 1024;

function pick(container: HTMLElement, files: File[]) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.accept).toBe('image/jpeg,image/png,image/webp');
  fireEvent.change(input, { target: { files } });
}

function photo(name: string, bytes = 1024, type = 'image/jpeg'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

describe('ImageUpload', () => {
  it('rejects a file that is not an image with the zh-CN message and does not call onChange', () => {
    const onChange = vi.fn();
    const { container } = renderInTheme(<ImageUpload label="现场照片" onChange={onChange} />);
    pick(container, [new File(['%PDF'], '说明.pdf', { type: 'application/pdf' })]);
    expect(screen.getByText('只能上传图片（JPG、PNG、WebP）')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    const add = screen.getByRole('button', { name: /添加图片/ });
    expect(referenced(add).map((el) => el.textContent)).toContain('!只能上传图片（JPG、PNG、WebP）');
  });

  it('rejects an image over maxBytes with “图片不能超过 5 MB” and does not call onChange', () => {
    const onChange = vi.fn();
    const { container } = renderInTheme(<ImageUpload label="现场照片" onChange={onChange} />);
    pick(container, [photo('大图.jpg', 5 * MB + 1)]);
    expect(screen.getByText('图片不能超过 5 MB')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('accepts images, previews them, and removes one with its own button', () => {
    const onChange = vi.fn();
    const { container } = renderInTheme(<ImageUpload label="现场照片" onChange={onChange} />);
    const a = photo('a.jpg');
    const b = photo('b.png', 2048, 'image/png');
    pick(container, [a, b]);
    expect(onChange).toHaveBeenLastCalledWith([a, b]);
    expect(screen.getByRole('button', { name: /添加图片/ }).textContent).toContain('(2/9)');
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 张图片' }));
    expect(onChange).toHaveBeenLastCalledWith([b]);
    expect(screen.queryByRole('button', { name: '删除第 2 张图片' })).toBeNull();
  });

  it('keeps the valid files of a mixed batch and stops at maxCount', () => {
    const onChange = vi.fn();
    const { container } = renderInTheme(<ImageUpload label="现场照片" maxCount={2} onChange={onChange} />);
    const a = photo('a.jpg');
    const b = photo('b.webp', 10, 'image/webp');
    pick(container, [a, photo('c.gif', 10, 'image/gif'), b, photo('d.jpg')]);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith([a, b]);
    expect(screen.getByText('只能上传图片（JPG、PNG、WebP）')).toBeTruthy();
    expect((screen.getByRole('button', { name: /添加图片/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('uses the configured maxBytes in the message and the English table in en', () => {
    const { container } = renderInTheme(<ImageUpload label="Photos" maxBytes={2 * MB} />, { locale: 'en' });
    pick(container, [photo('big.jpg', 3 * MB)]);
    expect(screen.getByText('Images must not exceed 2 MB')).toBeTruthy();
  });

  it('formats byte limits for people', () => {
    expect(formatBytes(5 * MB)).toBe('5 MB');
    expect(formatBytes(1.5 * MB)).toBe('1.5 MB');
    expect(formatBytes(500 * 1024)).toBe('500 KB');
  });
});
