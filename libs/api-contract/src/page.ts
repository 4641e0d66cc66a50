/** A page of a paged list: the items of this page and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}
