import { defineCunmenConfig } from '../../vitest.shared.ts';

export default defineCunmenConfig({
  test: {
    // Widget pages append <script>s in component tests; happy-dom does not load them.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
  },
});
