import { defineCadrePage } from '@cunmen/sdk';
import { PartyCadre } from './Cadre.js';

export default defineCadrePage(PartyCadre);
