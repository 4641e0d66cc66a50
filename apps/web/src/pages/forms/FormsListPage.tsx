// Placeholder until the page is built.
export default function FormsListPage() {
  return null;
}
