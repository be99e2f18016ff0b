import { definePage } from '@cunmen/sdk';
import { TemplateWidgetPage } from './Page.js';

export default definePage(TemplateWidgetPage);
