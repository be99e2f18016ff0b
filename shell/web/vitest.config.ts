import { defineCunmenConfig } from '../../vitest.shared.ts';

export default defineCunmenConfig({
  test: {
    // Component tests append widget <script>s; happy-dom does not load them (and should not log it).
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
  },
});
