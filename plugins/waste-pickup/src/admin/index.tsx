import { defineCadrePage } from '@cunmen/sdk';
import { WastePickupAdmin } from './Admin.js';

export default defineCadrePage(WastePickupAdmin);
