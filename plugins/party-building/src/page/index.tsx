import { definePage } from '@cunmen/sdk';
import { PartyPage } from './Page.js';

export default definePage(PartyPage);
