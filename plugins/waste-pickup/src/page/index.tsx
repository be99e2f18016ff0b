import { definePage } from '@cunmen/sdk';
import { WastePickupPage } from './Page.js';

export default definePage(WastePickupPage);
