// The app's widget layer: features import from here, never from react-aria-components directly
// and never from each other. See README.md in this folder.
export { AlertDialog } from './AlertDialog';
export type { AlertDialogProps } from './AlertDialog';
export { Dialog, PopoverDialog } from './Dialog';
export type { DialogProps } from './Dialog';
export { Modal } from './Modal';
export type { ModalProps } from './Modal';
export { ComboBox, ComboInput, ComboList, ComboOption, ComboSection, SearchCombo } from './ComboBox';
export type { Key } from 'react-aria-components';
export { Button, buttonClass } from './Button';
export type { ButtonProps } from './Button';
export { IconButton } from './IconButton';
export { Menu, MenuItem, MenuSeparator, MenuTrigger } from './Menu';
export type { MenuKey } from './Menu';
export { Tab, TabList, TabPanel, Tabs } from './Tabs';
export { Listbox, ListboxItem } from './Listbox';
export { VisuallyHidden } from './VisuallyHidden';
export { ErrorNote } from './ErrorNote';
export { Keys } from './Keys';
export { TitleInput } from './TitleInput';
export { Toast, ToastRegion } from './Toast';
export type { ToastData } from './Toast';
export { Tooltip } from './Tooltip';
export { FieldErrorText, FieldHint, FieldLabel } from './Field';
export { TextField } from './TextField';
export type { TextFieldProps } from './TextField';
export { Select } from './Select';
export type { SelectOption, SelectProps } from './Select';
