import { defineTile } from '@cunmen/sdk';
import { PointsTile } from './Tile.js';

export default defineTile(PointsTile);
