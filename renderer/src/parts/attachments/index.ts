// The attachments part's public entry: what the composer and the conversation embed.
export { AttachButton } from './AttachButton';
export { AttachmentTray } from './AttachmentTray';
export { MessageAttachments } from './MessageAttachments';
export { useFileDrop } from './useFileDrop';
export { useElidedBody } from './useElidedBody';
export { AttachmentSettings } from './AttachmentSettings';
export { exactRequestBody, requestBodyBytes } from './requestBody';
