import { definePage } from '@cunmen/sdk';
import { ComplaintsPage } from './Page.js';

export default definePage(ComplaintsPage);
