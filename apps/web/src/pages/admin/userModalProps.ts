/** What every user dialog takes from the users page. */
export interface ModalProps<T> {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(values: T): void;
}
