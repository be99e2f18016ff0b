// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { referenced, renderInTheme } from '../../../test/render.js';
import { TextArea } from './TextArea.js';

function Controlled() {
  const [text, setText] = useState('你好');
  return <TextArea label="留言" maxLength={10} value={text} onValueChange={setText} />;
}

describe('TextArea', () => {
  it('counts characters against maxLength as the resident types', () => {
    renderInTheme(<TextArea label="问题描述" maxLength={200} />);
    const area = screen.getByLabelText('问题描述') as HTMLTextAreaElement;
    expect(area.maxLength).toBe(200);
    const counter = referenced(area).find((el) => el.id.endsWith('-counter'));
    expect(counter?.textContent).toContain('0/200');
    fireEvent.change(area, { target: { value: '路灯坏了' } });
    expect(counter?.textContent).toContain('4/200');
    expect(counter?.textContent).toContain('已输入 4 字，最多 200 字');
  });

  it('counts a controlled value', () => {
    renderInTheme(<Controlled />);
    expect(screen.getByText('2/10')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('留言'), { target: { value: '你好吗？' } });
    expect(screen.getByText('4/10')).toBeTruthy();
  });

  it('has no counter without maxLength and links the error', () => {
    renderInTheme(<TextArea label="备注" error="请填写备注" />);
    const area = screen.getByLabelText('备注');
    expect(screen.queryByText(/\/\d+$/)).toBeNull();
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(referenced(area).map((el) => el.textContent)).toEqual(['!请填写备注']);
  });
});
