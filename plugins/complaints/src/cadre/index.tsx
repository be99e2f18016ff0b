import { defineCadrePage } from '@cunmen/sdk';
import { ComplaintsCadre } from './Cadre.js';

export default defineCadrePage(ComplaintsCadre);
