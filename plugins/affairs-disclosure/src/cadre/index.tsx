import { defineCadrePage } from '@cunmen/sdk';
import { AffairsCadre } from './Cadre.js';

export default defineCadrePage(AffairsCadre);
