import { defineTile } from '@cunmen/sdk';
import { FindMachineryTile } from './Tile.js';

export default defineTile(FindMachineryTile);
