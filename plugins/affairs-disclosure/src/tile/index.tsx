import { defineTile } from '@cunmen/sdk';
import { AffairsTile } from './Tile.js';

export default defineTile(AffairsTile);
