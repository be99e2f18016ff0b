import { definePage } from '@cunmen/sdk';
import { AffairsPage } from './Page.js';

export default definePage(AffairsPage);
