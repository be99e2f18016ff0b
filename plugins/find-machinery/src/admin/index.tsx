import { defineCadrePage } from '@cunmen/sdk';
import { FindMachineryAdmin } from './Admin.js';

export default defineCadrePage(FindMachineryAdmin);
