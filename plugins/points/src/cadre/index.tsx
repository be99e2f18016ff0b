import { defineCadrePage } from '@cunmen/sdk';
import { PointsCadre } from './Cadre.js';

export default defineCadrePage(PointsCadre);
