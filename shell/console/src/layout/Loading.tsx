/** A screen's loading state: a spinner with words, announced to screen readers. */
import { Spin } from 'antd';

export function Loading({ label }: { label: string }) {
  return (
    <div className="console-loading" role="status">
      <Spin /> {label}
    </div>
  );
}
