import { definePage } from '@cunmen/sdk';
import { PointsPage } from './Page.js';

export default definePage(PointsPage);
