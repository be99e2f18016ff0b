export { Tile, type TileProps } from './Tile.js';
export { TileGrid, type TileGridProps } from './TileGrid.js';
