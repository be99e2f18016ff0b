/**
 * The settings form: @rjsf/core with the antd theme's templates and widgets, minus the date pickers
 * (antd's DatePicker and dayjs) and the range slider (rc-slider), the theme's heaviest parts: those
 * settings fall back to the browser's own date and range inputs. Widgets' settings are texts,
 * numbers, switches, choices and lists.
 */

import Templates from '@rjsf/antd/lib/templates/index.js';
import CheckboxesWidget from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
import CheckboxWidget from '@rjsf/antd/lib/widgets/CheckboxWidget/index.js';
import PasswordWidget from '@rjsf/antd/lib/widgets/PasswordWidget/index.js';
import RadioWidget from '@rjsf/antd/lib/widgets/RadioWidget/index.js';
import SelectWidget from '@rjsf/antd/lib/widgets/SelectWidget/index.js';
import TextareaWidget from '@rjsf/antd/lib/widgets/TextareaWidget/index.js';
import { withTheme } from '@rjsf/core';

export const SettingsForm = withTheme<Record<string, unknown>>({
  templates: Templates,
  widgets: {
    CheckboxesWidget,
    CheckboxWidget,
    PasswordWidget,
    RadioWidget,
    SelectWidget,
    TextareaWidget,
  },
});
