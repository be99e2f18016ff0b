import { definePage } from '@cunmen/sdk';
import { FindMachineryPage } from './Page.js';

export default definePage(FindMachineryPage);
