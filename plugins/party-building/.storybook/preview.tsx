import '@cunmen/ui/styles.css';
import type { Preview } from 'storybook-react-rsbuild';

const preview: Preview = {
  parameters: { layout: 'padded' },
};

export default preview;
