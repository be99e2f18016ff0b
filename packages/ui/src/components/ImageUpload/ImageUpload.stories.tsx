import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { ImageUpload } from './ImageUpload.js';

// An 8×8 green PNG, so the preview stories show real thumbnails without network.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQqzXCihiGlgQAlgM3QfcSdGIAAAAASUVORK5CYII=';

function samplePhoto(name: string): File {
  const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type: 'image/png' });
}

const meta = {
  title: 'Forms/ImageUpload',
  component: ImageUpload,
  args: { label: '现场照片', onChange: fn() },
} satisfies Meta<typeof ImageUpload>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const WithPhotos: Story = {
  args: { defaultValue: [samplePhoto('路灯.png'), samplePhoto('路面.png')] },
};
export const Full: Story = {
  args: { maxCount: 2, defaultValue: [samplePhoto('一.png'), samplePhoto('二.png')] },
};
export const Invalid: Story = { args: { required: true, error: '请至少上传 1 张照片' } };
export const Disabled: Story = { args: { disabled: true, defaultValue: [samplePhoto('路灯.png')] } };
