/**
 * @cunmen/ui — the resident-side design system. Link the stylesheet once in the host
 * (`import '@cunmen/ui/styles.css'`) and wrap the UI in a ThemeProvider.
 */

export { Button, type ButtonProps, type ButtonVariant } from './components/Button/index.js';
export { Card, type CardProps } from './components/Card/index.js';
export { ElderlyModeSwitch, type ElderlyModeSwitchProps } from './components/ElderlyModeSwitch/index.js';
export { EmptyState, type EmptyStateProps } from './components/EmptyState/index.js';
export { ErrorState, type ErrorStateProps } from './components/ErrorState/index.js';
export {
  ICON_SPRITE_ID,
  Icon,
  type IconName,
  type IconProps,
  mountIconSprite,
} from './components/Icon/index.js';
export {
  formatBytes,
  IMAGE_TYPES,
  ImageUpload,
  type ImageUploadProps,
} from './components/ImageUpload/index.js';
export { List, ListItem, type ListItemProps, type ListProps } from './components/List/index.js';
export { LoadingState, type LoadingStateProps } from './components/LoadingState/index.js';
export { NumberField, type NumberFieldProps } from './components/NumberField/index.js';
export { Page, type PageProps } from './components/Page/index.js';
export {
  isValidPhone,
  normalizePhone,
  PhoneField,
  type PhoneFieldProps,
} from './components/PhoneField/index.js';
export { RadioGroup, type RadioGroupProps, type RadioOption } from './components/RadioGroup/index.js';
export { Select, type SelectOption, type SelectProps } from './components/Select/index.js';
export { TextArea, type TextAreaProps } from './components/TextArea/index.js';
export { TextField, type TextFieldProps } from './components/TextField/index.js';
export {
  type ThemeContextValue,
  ThemeProvider,
  type ThemeProviderProps,
  useTheme,
} from './components/ThemeProvider/index.js';
export { Tile, TileGrid, type TileGridProps, type TileProps } from './components/Tile/index.js';
export {
  Toast,
  type ToastApi,
  type ToastOptions,
  type ToastProps,
  type ToastTone,
  useToast,
} from './components/Toast/index.js';
export {
  formatMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
  messages,
} from './i18n/messages.js';
export {
  type ColorToken,
  colors,
  elderlyColors,
  type FontSizeToken,
  fontSizes,
  lineHeights,
  radii,
  space,
  type ThemeMode,
  themeVars,
  touchTargets,
} from './tokens.js';
