import { defineTile } from '@cunmen/sdk';
import { ComplaintsTile } from './Tile.js';

export default defineTile(ComplaintsTile);
