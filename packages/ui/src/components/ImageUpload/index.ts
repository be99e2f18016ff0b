export { formatBytes, IMAGE_TYPES, ImageUpload, type ImageUploadProps } from './ImageUpload.js';
