import { useEffect } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { Toast } from './Toast.js';
import { useToast } from './useToast.js';

const meta = {
  title: 'Feedback/Toast',
  component: Toast,
  args: { message: '提交成功，我们会尽快处理' },
} satisfies Meta<typeof Toast>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The message as it looks: an overlay in normal mode, an inline status in elderly mode. */
export const Info: Story = {};
export const Success: Story = { args: { tone: 'success' } };
export const ErrorTone: Story = { args: { tone: 'error', message: '提交失败，请检查网络后重试' } };

function ToastDemo() {
  const toast = useToast();
  useEffect(() => {
    toast.show('预约成功：3 月 12 日上午', { tone: 'success', durationMs: null });
  }, [toast]);
  return (
    <div>
      <p>点击按钮会显示提示。长辈版中提示出现在页面内，不会弹出遮挡。</p>
      <Button onClick={() => toast.show('已保存', { tone: 'info' })}>保存</Button>
    </div>
  );
}

/** useToast() in the ThemeProvider's live region (shown on load). */
export const WithUseToast: Story = { render: () => <ToastDemo /> };
