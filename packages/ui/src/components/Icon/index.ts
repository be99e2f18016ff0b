export { ICON_SPRITE_ID, Icon, type IconName, type IconProps, mountIconSprite } from './Icon.js';
